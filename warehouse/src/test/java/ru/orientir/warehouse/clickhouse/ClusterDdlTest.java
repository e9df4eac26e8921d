package ru.orientir.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.community.database.clickhouse.ClickHouseConfigurationExtension;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.Engine;
import ru.orientir.warehouse.Migrations;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.chdb.Chdb;

/**
 * Issue 16, part 4: the schema on a ClickHouse cluster ({@code warehouse.cluster}). No cluster runs here (no server,
 * no Docker engine), so what is checked is the DDL itself: every statement the cluster-mode migrations would execute
 * (the migration files as {@link ClusterDdl} rewrites them, in Flyway's order), and every statement of the per-shard
 * publication, parses as ClickHouse SQL (chDB's {@code formatQuery}, the ClickHouse 26.9 parser: it accepts
 * {@code ON CLUSTER}, {@code ReplicatedMergeTree} and {@code Distributed} DDL it could not execute); and the rewrite
 * has the shape the cluster needs. A migration adding {@code region} (as V19 does) is simulated, to check that later
 * migrations are rewritten without edits and move the sharding key.
 */
class ClusterDdlTest {
    private static final String CLUSTER = "orientir_cluster";
    private static final String DATABASE = "orientir";
    private static final Pattern FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final Pattern DISTRIBUTED = Pattern.compile(
            "CREATE (?:OR REPLACE )?TABLE (?:IF NOT EXISTS )?(\\w+) ON CLUSTER " + CLUSTER + " AS (\\w+) ENGINE = "
                    + "Distributed\\('" + CLUSTER + "', '" + DATABASE + "', '(\\w+)', (.+)\\)");

    /** The ClickHouse migrations as Flyway orders them: the engine's folder and the shared one, by version. */
    static List<ClusterDdl.Script> migrationScripts() throws IOException {
        record File(List<Integer> version, String name, Path path) {
        }
        List<File> files = new ArrayList<>();
        for (Path folder : Chdb.clickHouseMigrations()) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : list.toList()) {
                    Matcher m = FILE.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        files.add(new File(Arrays.stream(m.group(1).split("[._]")).map(Integer::valueOf).toList(),
                                m.group(1).replace('_', '.'), p));
                    }
                }
            }
        }
        files.sort((a, b) -> {
            for (int i = 0; i < Math.max(a.version().size(), b.version().size()); i++) {
                int x = i < a.version().size() ? a.version().get(i) : 0;
                int y = i < b.version().size() ? b.version().get(i) : 0;
                if (x != y) {
                    return Integer.compare(x, y);
                }
            }
            return 0;
        });
        List<ClusterDdl.Script> scripts = new ArrayList<>();
        for (File f : files) {
            scripts.add(new ClusterDdl.Script(f.name(), Files.readString(f.path(), StandardCharsets.UTF_8)));
        }
        assertTrue(scripts.size() >= 17, "the ClickHouse migrations are found: " + scripts.size());
        return scripts;
    }

    private static List<String> all(Map<String, List<String>> plan) {
        return plan.values().stream().flatMap(List::stream).toList();
    }

    @Test
    void everyTableIsReplicatedOnTheClusterAndEveryShardedOneHasItsDistributedTable() throws IOException {
        ClusterDdl ddl = new ClusterDdl(CLUSTER, DATABASE);
        List<String> statements = all(ddl.plan(migrationScripts()));

        for (String sql : statements) {
            assertFalse(sql.matches("(?s).*ENGINE\\s*=\\s*(?!Replicated)\\w*MergeTree.*"),
                    "every MergeTree became Replicated: " + sql);
            if (!sql.startsWith("INSERT")) {
                assertTrue(sql.contains(" ON CLUSTER " + CLUSTER + " "), "DDL runs on every node: " + sql);
            }
            if (sql.contains("ReplicatedMergeTree(")) {
                Matcher name = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+) ").matcher(sql);
                assertTrue(name.find(), sql);
                String table = name.group(1);
                if (table.startsWith("meta_")) {
                    assertTrue(sql.contains("ReplicatedMergeTree('" + ClusterDdl.GLOBAL_PATH + "', '{replica}')"),
                            "a bookkeeping table has a copy on every node: " + sql);
                } else {
                    assertTrue(table.endsWith(ClusterDdl.LOCAL), "the replicated table is the local one: " + sql);
                    assertTrue(sql.contains("ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')"),
                            "a sharded table is replicated within its shard: " + sql);
                }
            }
        }

        // Every staging and runs table has a Distributed counterpart over its local table, sharded by region and school.
        Map<String, String> distributed = new LinkedHashMap<>();
        for (String sql : statements) {
            Matcher m = DISTRIBUTED.matcher(sql);
            if (m.matches()) {
                assertEquals(m.group(1) + ClusterDdl.LOCAL, m.group(2), sql);
                assertEquals(m.group(2), m.group(3), sql);
                distributed.put(m.group(1), m.group(4));
            }
            Matcher drop = Pattern.compile("DROP TABLE (\\w+) ON CLUSTER .*").matcher(sql);
            if (drop.matches()) {
                distributed.remove(drop.group(1));
            }
        }
        assertEquals(ddl.distributedTables(), distributed);
        List<String> staging = distributed.keySet().stream().filter(t -> t.startsWith("stg_")).toList();
        List<String> runs = distributed.keySet().stream().filter(t -> t.endsWith("__runs")).toList();
        assertTrue(staging.size() >= 10, "staging tables: " + staging);
        assertTrue(runs.size() >= 13, "marts: " + runs);
        assertTrue(distributed.keySet().stream().allMatch(t -> t.startsWith("stg_") || t.endsWith("__runs")),
                "only staging and marts are sharded (the pre-V7 mart tables were dropped): " + distributed.keySet());
        assertEquals(Set.of("meta_run", "meta_load", "meta_quarantine", "meta_run_step", "meta_publication",
                "meta_pseudonym_key"), ddl.globalTables());

        // after V19__region: by region and school; a mart without a school by region; results (no region) by school
        assertEquals("cityHash64(region, school_id)", distributed.get("stg_schools"));
        assertEquals("cityHash64(school_id)", distributed.get("stg_exam_results"), "results carry no region: by school");
        assertEquals("cityHash64(region, school_id)", distributed.get("early_warning__runs"));
        assertEquals("cityHash64(region, school_id)", distributed.get("school_status__runs"));
        assertEquals("cityHash64(load_id, line)", distributed.get("stg_municipal_plan"));
        assertEquals("cityHash64(region)", distributed.get("list_transitions__runs"), "a mart without school_id: by region");

        // V7 moves a mart into <mart>__runs: the old table goes on every node, Distributed first, then its replicas.
        int dropDistributed = statements.indexOf("DROP TABLE school_status ON CLUSTER " + CLUSTER + " SYNC");
        int dropLocal = statements.indexOf("DROP TABLE school_status_local ON CLUSTER " + CLUSTER + " SYNC");
        assertTrue(dropDistributed >= 0 && dropLocal == dropDistributed + 1, "V7's DROP TABLE school_status");
        assertTrue(statements.contains("INSERT INTO school_status__runs SETTINGS distributed_foreground_insert = 1 "
                + "SELECT * FROM school_status"), "V7's copy goes through the Distributed tables, synchronously");
    }

    @Test
    void v19AddingTheRegionIsRewrittenAndMovesTheShardingKey() throws IOException {
        ClusterDdl ddl = new ClusterDdl(CLUSTER, DATABASE);
        List<String> v19 = ddl.plan(migrationScripts()).get("19");
        assertTrue(v19.contains("ALTER TABLE stg_schools_local ON CLUSTER " + CLUSTER
                + " ADD COLUMN IF NOT EXISTS region String DEFAULT ''"), v19.toString());
        assertTrue(v19.contains("CREATE OR REPLACE TABLE stg_schools ON CLUSTER " + CLUSTER + " AS stg_schools_local "
                + "ENGINE = Distributed('" + CLUSTER + "', '" + DATABASE + "', 'stg_schools_local', "
                + "cityHash64(region, school_id))"), v19.toString());
        assertTrue(v19.stream().anyMatch(s -> s.startsWith("CREATE OR REPLACE VIEW early_warning ON CLUSTER " + CLUSTER + " AS")));
    }

    @Test
    void aStatementTheRewriteDoesNotKnowFailsInsteadOfRunningOnOneNode() {
        ClusterDdl ddl = new ClusterDdl(CLUSTER, DATABASE);
        ddl.rewrite("CREATE TABLE IF NOT EXISTS stg_x (load_id String, line Int64, school_id String) "
                + "ENGINE = MergeTree ORDER BY (load_id, line)");
        for (String unknown : List.of("CREATE TABLE t (a Int32) ENGINE = Memory",
                "CREATE MATERIALIZED VIEW mv TO stg_x AS SELECT * FROM stg_x", "RENAME TABLE stg_x TO stg_y",
                "ALTER TABLE stg_nowhere ADD COLUMN a Int32")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ddl.rewrite(unknown), unknown);
            assertTrue(e.getMessage().contains("ClusterDdl") || e.getMessage().contains("не создана"), e.getMessage());
        }
        assertEquals(List.of("ALTER TABLE stg_x_local ON CLUSTER " + CLUSTER + " DELETE WHERE line > 3"),
                ddl.rewrite("ALTER TABLE stg_x DELETE WHERE line > 3"), "a mutation touches the local rows only");
        assertEquals(List.of("TRUNCATE TABLE stg_x_local ON CLUSTER " + CLUSTER), ddl.rewrite("TRUNCATE TABLE stg_x"));
    }

    @Test
    void aSingleServerKeepsFlywaysOwnResolverAndAClusterGetsTheRewriteAndAReplicatedHistory() {
        FluentConfiguration single = Migrations.configure(Flyway.configure(), Engine.CLICKHOUSE, null, null);
        assertFalse(single.isSkipDefaultResolvers());
        assertEquals(0, single.getResolvers().length);

        FluentConfiguration cluster = Migrations.configure(Flyway.configure(), Engine.CLICKHOUSE, CLUSTER, DATABASE);
        assertTrue(cluster.isSkipDefaultResolvers());
        assertEquals(1, cluster.getResolvers().length);
        assertTrue(cluster.getResolvers()[0] instanceof ClusterMigrationResolver);
        assertEquals(List.of("classpath:db/migration/clickhouse", "classpath:" + Migrations.COMMON),
                Arrays.stream(cluster.getLocations()).map(Object::toString).toList());
        ClickHouseConfigurationExtension history = cluster.getPluginRegister()
                .getPlugin(ClickHouseConfigurationExtension.class);
        assertEquals(CLUSTER, history.getClusterName());
        assertEquals(ClusterDdl.GLOBAL_PATH, history.getZookeeperPath());
    }

    /** The statements of the per-shard publication, filled in as ClickHouseWarehouse fills them. */
    static List<String> publicationStatements() {
        List<String> out = new ArrayList<>();
        for (String file : List.of("publish-drop-run.sql", "publish-carry-over.sql", "mart-runs.sql",
                "sync-replica.sql", "replica-rows.sql", "replica-pointers.sql")) {
            for (String sql : SqlResource.statements(SqlResource.load(ClickHouseWarehouse.CLUSTER_SQL + file))) {
                out.add(sql.replace("{cluster}", CLUSTER).replace("{database}", DATABASE)
                        .replace("{table}", file.equals("sync-replica.sql") ? "isb__runs_local" : "isb")
                        .replace("{run}", "'run-2'").replace("{from}", "'run-1'").replace("{to}", "'run-2'")
                        .replace("?", "'x'"));
            }
        }
        return out;
    }

    @Test
    void everyClusterStatementParsesAsClickHouseSql() throws IOException {
        Chdb chdb = Chdb.require();
        List<String> statements = new ArrayList<>(all(ClusterDdl.plan(CLUSTER, DATABASE, migrationScripts())));
        int migrationStatements = statements.size();
        statements.addAll(publicationStatements());

        Map<String, String> queries = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            queries.put("s" + i, "SELECT formatQuery(" + Chdb.literal(statements.get(i)) + ")");
        }
        Map<String, Chdb.Result> parsed;
        try {
            parsed = chdb.run(null, List.of(), queries);
        } catch (AssertionError e) {
            // the harness stops at the first statement ClickHouse's parser refuses; its message names it
            fail("a cluster statement does not parse as ClickHouse SQL (" + chdb.version() + "):\n" + e.getMessage());
            return;
        }
        assertEquals(statements.size(), parsed.size());
        for (int i = 0; i < migrationStatements; i++) {
            String formatted = (String) parsed.get("s" + i).rows().get(0).get(0);
            if (!statements.get(i).startsWith("INSERT")) {
                assertTrue(formatted.contains("ON CLUSTER " + CLUSTER), "ClickHouse reads ON CLUSTER in: " + formatted);
            }
        }
        System.out.println("ClusterDdlTest: " + migrationStatements + " migration statements and "
                + (statements.size() - migrationStatements) + " publication statements parse (" + chdb.version() + ")");
    }
}
