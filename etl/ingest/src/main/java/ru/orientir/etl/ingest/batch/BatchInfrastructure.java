package ru.orientir.etl.ingest.batch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.configuration.support.MapJobRegistry;

/**
 * Spring Batch's job repository (embedded H2 file by default, PostgreSQL in docker-compose): it is what makes a
 * failed load restartable from its last committed chunk.
 */
public final class BatchInfrastructure implements AutoCloseable {
    private final JobRepository jobRepository;
    private final JdbcTransactionManager transactionManager;
    private final TaskExecutorJobOperator jobOperator;
    private final AutoCloseable pool;

    private BatchInfrastructure(DataSource dataSource, String databaseType, AutoCloseable pool) throws Exception {
        this.pool = pool;
        this.transactionManager = new JdbcTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setDatabaseType(databaseType.toUpperCase(Locale.ROOT));
        factory.afterPropertiesSet();
        this.jobRepository = factory.getObject();
        this.jobOperator = new TaskExecutorJobOperator();
        jobOperator.setJobRepository(jobRepository);
        jobOperator.setJobRegistry(new MapJobRegistry());
        jobOperator.afterPropertiesSet();
    }

    /** Opens the repository at {@code jdbcUrl}, creating Spring Batch's tables on first use. */
    public static BatchInfrastructure open(String jdbcUrl, String user, String password) {
        String type = databaseType(jdbcUrl);
        String u = user == null ? "" : user;
        String p = password == null ? "" : password;
        DataSource dataSource;
        AutoCloseable pool;
        if ("h2".equals(type)) {
            // A pool keeps the embedded database open for the whole run. Without it H2 closes the database each
            // time its last connection is released, and a commit made just before that was seen lost on reopen
            // (the restart test caught it as an OptimisticLockingFailureException on the step execution).
            JdbcConnectionPool h2 = JdbcConnectionPool.create(jdbcUrl, u, p);
            dataSource = h2;
            pool = h2::dispose;
        } else {
            dataSource = new DriverManagerDataSource(jdbcUrl, u, p);
            pool = () -> { };
        }
        try {
            createSchemaIfMissing(dataSource, type);
            return new BatchInfrastructure(dataSource, type, pool);
        } catch (Exception e) {
            throw new IllegalStateException("Не удалось открыть журнал заданий Spring Batch (" + jdbcUrl + "): проверьте "
                    + "batch.url (ORIENTIR_BATCH_JDBC_URL), пользователя и пароль, и что база доступна.\nПодробности: "
                    + e.getMessage(), e);
        }
    }

    private static String databaseType(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("Адрес журнала заданий «" + jdbcUrl + "» не поддерживается: укажите в batch.url "
                + "(ORIENTIR_BATCH_JDBC_URL) jdbc:h2:… или jdbc:postgresql:….");
    }

    private static void createSchemaIfMissing(DataSource dataSource, String type) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean exists;
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                exists = false;
                while (rs.next()) {
                    if ("batch_job_instance".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        exists = true;
                    }
                }
            }
            if (!exists) {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-" + type + ".sql"))
                        .populate(c);
            }
        }
    }

    public JobRepository jobRepository() {
        return jobRepository;
    }

    public JdbcTransactionManager transactionManager() {
        return transactionManager;
    }

    public TaskExecutorJobOperator jobOperator() {
        return jobOperator;
    }

    /** Closes the connections; for the embedded H2 file this closes the database cleanly. */
    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing the job repository failed: " + e.getMessage(), e);
        }
    }
}
