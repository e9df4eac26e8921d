package ru.orientir.warehouse.clickhouse;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.jdbc.Results;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;

/**
 * Flyway's resolver in cluster mode ({@code warehouse.cluster}), in place of its SQL resolver: the same
 * {@code V<version>__<description>.sql} files of the same locations, under the same versions, descriptions and
 * checksums (Flyway's own {@link ChecksumCalculator} over the file), but each executed as {@link ClusterDdl} rewrites
 * it. Why a resolver and not rewritten copies of the files: the files single servers have applied stay byte for byte
 * what they are (their checksums are what {@code validate} compares), a later migration (V19 on) needs no cluster
 * twin, and a change to the rewrite does not change the checksums a cluster has recorded either.
 *
 * <p>The rewrite replays every file in version order, applied or not, since each statement is rewritten knowing the
 * columns the earlier ones gave each table; Flyway then executes the pending ones only.
 */
final class ClusterMigrationResolver implements MigrationResolver {
    private static final Pattern FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    private final String cluster;
    private final String database;

    ClusterMigrationResolver(String cluster, String database) {
        this.cluster = cluster;
        this.database = database;
    }

    private record Found(MigrationVersion version, String description, LoadableResource resource, String text) {
    }

    @Override
    public Collection<ResolvedMigration> resolveMigrations(Context context) {
        List<Found> found = new ArrayList<>();
        for (LoadableResource resource : context.resourceProvider.getResources("V", new String[] {".sql"})) {
            Matcher m = FILE.matcher(resource.getFilename());
            if (m.matches()) {
                found.add(new Found(MigrationVersion.fromVersion(m.group(1).replace('_', '.')),
                        m.group(2).replace('_', ' '), resource, read(resource)));
            }
        }
        found.sort(Comparator.comparing(Found::version));
        Map<String, List<String>> plan = ClusterDdl.plan(cluster, database,
                found.stream().map(f -> new ClusterDdl.Script(f.version().getVersion(), f.text())).toList());
        List<ResolvedMigration> migrations = new ArrayList<>();
        for (Found f : found) {
            List<String> statements = plan.get(f.version().getVersion());
            migrations.add(new ResolvedMigrationImpl(f.version(), f.description(), f.resource().getRelativePath(),
                    ChecksumCalculator.calculate(f.resource()), null, CoreMigrationType.SQL,
                    f.resource().getAbsolutePathOnDisk(), new Executor(statements)));
        }
        return migrations;
    }

    private static String read(LoadableResource resource) {
        StringBuilder text = new StringBuilder();
        try (Reader reader = resource.read()) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать миграцию " + resource.getFilename()
                    + " из сборки Orientir: пересоберите приложение", e);
        }
        return text.toString().replace("\r\n", "\n");
    }

    /** Runs one migration's rewritten statements in order on Flyway's connection (ClickHouse has no transactions). */
    private record Executor(List<String> statements) implements MigrationExecutor {
        @Override
        public List<Results> execute(org.flywaydb.core.api.executor.Context context) throws SQLException {
            for (String sql : statements) {
                try (Statement s = context.getConnection().createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\n-- инструкция (режим кластера):\n" + sql,
                            e.getSQLState(), e.getErrorCode(), e);
                }
            }
            return new ArrayList<>();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return false;
        }

        @Override
        public boolean shouldExecute() {
            return true;
        }
    }
}
