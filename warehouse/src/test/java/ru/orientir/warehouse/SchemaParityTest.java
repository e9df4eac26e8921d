package ru.orientir.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.chdb.Chdb;
import ru.orientir.warehouse.duckdb.DuckDbWarehouse;

/**
 * One schema, two engines: the DuckDB migrations (applied by Flyway) and the ClickHouse migrations (executed on a real
 * ClickHouse engine through chDB) must give the same tables and views, the same columns in the same order, types that
 * correspond under {@link #TYPES}, and the same nullability.
 */
public class SchemaParityTest {

    /** DuckDB type → the ClickHouse type that stores the same values. Anything else is a parity failure. */
    public static final Map<String, String> TYPES = Map.of(
            "VARCHAR", "String",
            "INTEGER", "Int32",
            "BIGINT", "Int64",
            "BOOLEAN", "Bool",
            "DOUBLE", "Float64",
            "TIMESTAMP", "DateTime64(3, 'UTC')");

    /** A column on either engine: the type is the engine's own base type (ClickHouse: without Nullable). */
    public record Col(String name, String type, boolean nullable) {
    }

    public record Rel(String kind, List<Col> columns) {
        public List<String> names() {
            return columns.stream().map(Col::name).toList();
        }
    }

    @Test
    void duckDbAndClickHouseMigrationsDefineTheSameSchema() throws SQLException {
        Map<String, Rel> duck = duckDbSchema();
        Chdb chdb = Chdb.require();
        Map<String, Chdb.Relation> raw = chdb.schema(Chdb.clickHouseMigrations());
        Map<String, Rel> clickHouse = clickHouseSchema(raw);
        // Each ClickHouse mart is a view of <mart>__runs: the view must show every column of its table, in order
        // (a ClickHouse view keeps the columns it was created with, so a migration that alters the table re-creates it).
        raw.forEach((table, relation) -> {
            if (table.endsWith(MART_RUNS)) {
                Chdb.Relation view = raw.get(table.substring(0, table.length() - MART_RUNS.length()));
                assertTrue(view != null && "view".equals(view.kind()), table + " has no mart view beside it");
                assertEquals(relation.columns(), view.columns(), "the view over " + table + " shows other columns than it");
            }
        });

        assertFalse(duck.isEmpty(), "the DuckDB migrations created no tables");
        assertTrue(duck.keySet().containsAll(List.of("meta_run", "meta_load", "meta_quarantine", "stg_schools",
                "stg_official_list", "list_membership", "school_status", "list_transitions", "meta_active_load")),
                "DuckDB tables: " + duck.keySet());
        List<String> differences = differences(duck, clickHouse);
        assertTrue(differences.isEmpty(), "The DuckDB and ClickHouse (" + chdb.version() + ") schemas differ in "
                + differences.size() + " place(s):\n  " + String.join("\n  ", differences));
    }

    @Test
    void theComparisonReportsEveryDifference() throws SQLException {
        Map<String, Rel> duck = duckDbSchema();
        Map<String, Chdb.Relation> raw = new LinkedHashMap<>(Chdb.require().schema(Chdb.clickHouseMigrations()));

        // Break the ClickHouse side in six different ways.
        raw.put("stg_schools", without(raw.get("stg_schools"), "municipality"));
        raw.put("list_transitions", retyped(raw.get("list_transitions"), "share_on_list", "Float32"));
        raw.put("meta_run", retyped(raw.get("meta_run"), "error", "String"));
        raw.put("meta_load", retyped(raw.get("meta_load"), "rows_read", "Nullable(Int64)"));
        raw.put("list_membership", swapped(raw.get("list_membership"), "source", "reasons"));
        raw.remove("meta_quarantine");
        raw.put("meta_active_load", new Chdb.Relation("table", raw.get("meta_active_load").columns()));

        List<String> differences = differences(duck, clickHouseSchema(raw));
        String all = String.join("\n", differences);
        assertEquals(7, differences.size(), all);
        assertTrue(all.contains("stg_schools: column municipality only in DuckDB"), all);
        assertTrue(all.contains("list_transitions.share_on_list: DuckDB DOUBLE needs ClickHouse Float64, found Float32"), all);
        assertTrue(all.contains("meta_run.error: nullable in DuckDB but not Nullable in ClickHouse (String)"), all);
        assertTrue(all.contains("meta_load.rows_read: NOT NULL in DuckDB but Nullable in ClickHouse (Nullable(Int64))"), all);
        assertTrue(all.contains("list_membership: column order differs"), all);
        assertTrue(all.contains("meta_quarantine: table only in DuckDB"), all);
        assertTrue(all.contains("meta_active_load: a view in DuckDB but a table in ClickHouse"), all);
    }

    @Test
    void typesWithoutACounterpartAreReported() {
        Map<String, Rel> duck = Map.of("t", new Rel("table", List.of(new Col("amount", "DECIMAL(10,2)", false))));
        Map<String, Rel> clickHouse = Map.of("t", new Rel("table", List.of(new Col("amount", "Decimal(10, 2)", false))));
        assertEquals(List.of("t.amount: DuckDB type DECIMAL(10,2) has no ClickHouse counterpart in the parity mapping"),
                differences(duck, clickHouse));
    }

    // ---- reading the two schemas ----

    /** The DuckDB schema after Flyway applies db/migration/duckdb to a fresh in-memory database. */
    public static Map<String, Rel> duckDbSchema() throws SQLException {
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            warehouse.migrate();
            try (Connection c = warehouse.connection()) {
                return duckDbSchema(c);
            }
        }
    }

    /** The tables and views of the connection's current schema, without Flyway's history table. */
    public static Map<String, Rel> duckDbSchema(Connection c) throws SQLException {
        String sql = """
                SELECT t.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable
                FROM information_schema.tables t
                JOIN information_schema.columns c
                  ON c.table_catalog = t.table_catalog AND c.table_schema = t.table_schema AND c.table_name = t.table_name
                WHERE t.table_catalog = current_database() AND t.table_schema = current_schema()
                  AND t.table_name <> 'flyway_schema_history'
                ORDER BY t.table_name, c.ordinal_position
                """;
        Map<String, String> kinds = new TreeMap<>();
        Map<String, List<Col>> columns = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                kinds.put(table, "VIEW".equals(rs.getString(2)) ? "view" : "table");
                columns.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new Col(rs.getString(3), rs.getString(4), "YES".equals(rs.getString(5))));
            }
        }
        Map<String, Rel> schema = new TreeMap<>();
        kinds.forEach((table, kind) -> schema.put(table, new Rel(kind, columns.get(table))));
        return schema;
    }

    private static final String MART_RUNS = "__runs";

    /** The ClickHouse schema with Nullable(T) (and LowCardinality(T)) unwrapped into a base type and a flag. */
    public static Map<String, Rel> clickHouseSchema(Map<String, Chdb.Relation> raw) {
        Map<String, Rel> schema = new TreeMap<>();
        raw.forEach((table, relation) -> {
            // A mart on ClickHouse is a view of its <mart>__runs table (one publication for all marts): it stands for
            // DuckDB's mart table (its columns are checked against the view's in the main test); the storage table
            // itself is not compared.
            if (table.endsWith(MART_RUNS) && raw.containsKey(table.substring(0, table.length() - MART_RUNS.length()))) {
                return;
            }
            if ("view".equals(relation.kind()) && raw.containsKey(table + MART_RUNS)) {
                relation = new Chdb.Relation("table", relation.columns());
            }
            List<Col> columns = new ArrayList<>();
            for (Chdb.Column column : relation.columns()) {
                String type = unwrap(column.type(), "LowCardinality");
                String base = unwrap(type, "Nullable");
                columns.add(new Col(column.name(), base, !base.equals(type)));
            }
            schema.put(table, new Rel(relation.kind(), columns));
        });
        return schema;
    }

    private static String unwrap(String type, String wrapper) {
        String t = type.strip();
        return t.startsWith(wrapper + "(") && t.endsWith(")") ? t.substring(wrapper.length() + 1, t.length() - 1).strip() : t;
    }

    // ---- the comparison ----

    /** Every difference between the two schemas, one line each; empty when they are equal under the mapping. */
    public static List<String> differences(Map<String, Rel> duck, Map<String, Rel> clickHouse) {
        List<String> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(duck.keySet());
        names.addAll(clickHouse.keySet());
        for (String table : names) {
            Rel d = duck.get(table);
            Rel ch = clickHouse.get(table);
            if (ch == null) {
                out.add(table + ": " + d.kind() + " only in DuckDB");
                continue;
            }
            if (d == null) {
                out.add(table + ": " + ch.kind() + " only in ClickHouse");
                continue;
            }
            if (!d.kind().equals(ch.kind())) {
                out.add(table + ": a " + d.kind() + " in DuckDB but a " + ch.kind() + " in ClickHouse");
            }
            compareColumns(table, d, ch, out);
        }
        return out;
    }

    private static void compareColumns(String table, Rel d, Rel ch, List<String> out) {
        Map<String, Col> chByName = new LinkedHashMap<>();
        ch.columns().forEach(c -> chByName.put(c.name(), c));
        Set<String> dNames = new LinkedHashSet<>(d.names());
        for (Col dc : d.columns()) {
            Col cc = chByName.get(dc.name());
            if (cc == null) {
                out.add(table + ": column " + dc.name() + " only in DuckDB");
                continue;
            }
            String expected = TYPES.get(dc.type().toUpperCase(java.util.Locale.ROOT));
            if (expected == null) {
                out.add(table + "." + dc.name() + ": DuckDB type " + dc.type()
                        + " has no ClickHouse counterpart in the parity mapping");
            } else if (!squeeze(expected).equals(squeeze(cc.type()))) {
                out.add(table + "." + dc.name() + ": DuckDB " + dc.type() + " needs ClickHouse " + expected
                        + ", found " + cc.type());
            }
            // DuckDB does not derive nullability for view columns (every one reads YES), so only tables are compared.
            if ("table".equals(d.kind()) && "table".equals(ch.kind()) && dc.nullable() != cc.nullable()) {
                out.add(table + "." + dc.name() + ": "
                        + (dc.nullable()
                                ? "nullable in DuckDB but not Nullable in ClickHouse (" + cc.type() + ")"
                                : "NOT NULL in DuckDB but Nullable in ClickHouse (Nullable(" + cc.type() + "))"));
            }
        }
        for (Col cc : ch.columns()) {
            if (!dNames.contains(cc.name())) {
                out.add(table + ": column " + cc.name() + " only in ClickHouse");
            }
        }
        List<String> dCommon = d.names().stream().filter(chByName::containsKey).toList();
        List<String> chCommon = ch.names().stream().filter(dNames::contains).toList();
        if (!dCommon.equals(chCommon)) {
            out.add(table + ": column order differs: DuckDB " + dCommon + ", ClickHouse " + chCommon);
        }
    }

    private static String squeeze(String type) {
        return type.replaceAll("\\s+", "");
    }

    // ---- deliberate damage, for the negative test ----

    private static Chdb.Relation without(Chdb.Relation r, String column) {
        return new Chdb.Relation(r.kind(), r.columns().stream().filter(c -> !c.name().equals(column)).toList());
    }

    private static Chdb.Relation retyped(Chdb.Relation r, String column, String type) {
        return new Chdb.Relation(r.kind(), r.columns().stream()
                .map(c -> c.name().equals(column) ? new Chdb.Column(c.name(), type) : c).toList());
    }

    private static Chdb.Relation swapped(Chdb.Relation r, String a, String b) {
        List<Chdb.Column> columns = new ArrayList<>(r.columns());
        int i = columns.stream().map(Chdb.Column::name).toList().indexOf(a);
        int j = columns.stream().map(Chdb.Column::name).toList().indexOf(b);
        Chdb.Column ci = columns.get(i);
        columns.set(i, columns.get(j));
        columns.set(j, ci);
        return new Chdb.Relation(r.kind(), columns);
    }
}
