package ru.orientir.jobs.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Creates Quartz's tables in the PostgreSQL job store on first use, from the script inside the Quartz jar. */
final class QuartzTables {
    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private QuartzTables() {
    }

    static void createIfMissing(ScheduleSettings settings) {
        Properties p = new Properties();
        if (settings.storeUser() != null) {
            p.setProperty("user", settings.storeUser());
        }
        if (settings.storePassword() != null) {
            p.setProperty("password", settings.storePassword());
        }
        try (Connection c = DriverManager.getConnection(settings.storeUrl(), p)) {
            boolean exists;
            try (ResultSet rs = c.getMetaData().getTables(null, null, "qrtz_locks", new String[] {"TABLE"})) {
                exists = rs.next();
            }
            if (!exists) {
                // Two instances starting together: one creates the tables, the other fails and says so; its restart
                // (restart: unless-stopped) then finds them.
                c.setAutoCommit(false);
                new ResourceDatabasePopulator(new ClassPathResource(SCRIPT)).populate(c);
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("Cannot prepare the Quartz job store at " + settings.storeUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
