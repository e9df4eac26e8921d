package ru.orientir.jobs.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections to its PostgreSQL job store, straight from the driver. Quartz takes one for each check-in and
 * trigger acquisition (seconds apart), so no pool is needed, nor Quartz's optional c3p0/HikariCP dependencies.
 * Quartz sets the properties from {@code org.quartz.dataSource.<name>.*}.
 */
public final class JdbcConnectionProvider implements ConnectionProvider {
    private String url;
    private String user;
    private String password;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = new Properties();
        if (user != null && !user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void initialize() {
    }
}
