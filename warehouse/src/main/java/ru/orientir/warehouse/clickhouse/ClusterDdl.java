package ru.orientir.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.orientir.warehouse.SqlResource;

/**
 * The single-server ClickHouse migrations, rewritten for a cluster ({@code warehouse.cluster: NAME}). The migration
 * files are never edited for the cluster: each statement of each file is rewritten here, when it is executed, so a
 * single server keeps running the files byte for byte (their Flyway checksums unchanged) and every later migration
 * (V19's {@code region} columns, and whatever comes after) is rewritten without being written twice.
 *
 * <p>Every table is one of two kinds:
 * <ul>
 *   <li><b>sharded</b> (staging {@code stg_*}, marts {@code <mart>__runs}, and every other table): its rows live in
 *   {@code <table>_local}, a {@code Replicated…MergeTree} created {@code ON CLUSTER} on every node and replicated within
 *   its shard (ZooKeeper path {@value #SHARDED_PATH}); {@code <table>} itself becomes a {@code Distributed} table over
 *   the local ones, so every reader and writer keeps using the name it always used. The sharding key is
 *   {@link #shardingKey}: region and school where the table has both.</li>
 *   <li><b>global</b> (the bookkeeping tables {@code meta_*}: runs, loads, quarantine, the pseudonymisation key and the
 *   published-run pointer): one {@code Replicated…MergeTree} with a copy on every node of the cluster (ZooKeeper path
 *   {@value #GLOBAL_PATH}, no {@code {shard}}), so each node reads them locally; in particular every node's mart views
 *   follow the pointer in their own copy of {@code meta_publication} (see {@code ClickHouseWarehouse.publish}).</li>
 * </ul>
 * Views are created {@code ON CLUSTER} unchanged: they read the Distributed and global names. {@code ALTER}s go to the
 * local tables {@code ON CLUSTER}, and a column change is mirrored on the Distributed table, which is re-created when
 * the change moves its sharding key (V19 adds {@code region} before any row is loaded into a new cluster).
 *
 * <p>The rewrite needs every table's columns, so it replays the migrations from the first one: {@link #plan} takes all
 * scripts in version order, and Flyway executes the statements of the pending ones only. A statement of a kind not
 * handled here fails the rewrite (and {@code ClusterDdlTest}) rather than running single-server DDL on one node.
 */
public final class ClusterDdl {
    /** The suffix of the local (replicated) table behind each Distributed table. */
    public static final String LOCAL = "_local";
    /** Sharded tables: one replica set per shard. */
    static final String SHARDED_PATH = "/clickhouse/tables/{shard}/{database}/{table}";
    /** Global tables: one replica set over every node; the {replica} macro must be unique over the cluster. */
    public static final String GLOBAL_PATH = "/clickhouse/tables/all/{database}/{table}";
    /** How Distributed inserts are made synchronous (its older name, insert_distributed_sync, is an alias). */
    public static final String FOREGROUND_INSERT = "distributed_foreground_insert";

    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_COLUMNS = Pattern.compile(
            "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\((.*)\\)\\s*ENGINE\\s*=\\s*(\\w*)MergeTree\\b"
                    + "(\\s*\\(([^)]*)\\))?(.*)", FLAGS);
    private static final Pattern CREATE_AS = Pattern.compile(
            "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+AS\\s+" + NAME
                    + "\\s+ENGINE\\s*=\\s*(\\w*)MergeTree\\b(\\s*\\(([^)]*)\\))?(.*)", FLAGS);
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "CREATE\\s+(OR\\s+REPLACE\\s+)?VIEW\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(AS\\s.*)", FLAGS);
    private static final Pattern ALTER = Pattern.compile("ALTER\\s+TABLE\\s+" + NAME + "\\s+(.*)", FLAGS);
    private static final Pattern DROP = Pattern.compile(
            "DROP\\s+(TABLE|VIEW)\\s+(IF\\s+EXISTS\\s+)?" + NAME + "(\\s+SYNC)?", FLAGS);
    private static final Pattern TRUNCATE = Pattern.compile("TRUNCATE\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?" + NAME, FLAGS);
    private static final Pattern INSERT = Pattern.compile(
            "INSERT\\s+INTO\\s+" + NAME + "\\s*(\\([^)]*\\))?\\s*((?:SELECT|WITH|VALUES)\\b.*)", FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "ADD\\s+COLUMN\\s+(IF\\s+NOT\\s+EXISTS\\s+)?`?" + NAME + "`?(\\s.*)?", FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "DROP\\s+COLUMN\\s+(IF\\s+EXISTS\\s+)?`?" + NAME + "`?", FLAGS);
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "RENAME\\s+COLUMN\\s+(IF\\s+EXISTS\\s+)?`?" + NAME + "`?\\s+TO\\s+`?" + NAME + "`?", FLAGS);
    private static final Pattern OTHER_COLUMN_OP = Pattern.compile("(MODIFY|COMMENT|CLEAR)\\s+COLUMN\\s.*", FLAGS);

    private enum Kind { SHARDED, GLOBAL, VIEW }

    private static final class Table {
        final Kind kind;
        final List<String> columns;
        final String orderBy;
        String key;

        Table(Kind kind, List<String> columns, String orderBy) {
            this.kind = kind;
            this.columns = new ArrayList<>(columns);
            this.orderBy = orderBy;
        }
    }

    private final String cluster;
    private final String database;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /**
     * @param cluster  the cluster's name in the servers' {@code remote_servers}
     * @param database the database Orientir works in (the JDBC URL's), named in each Distributed table
     */
    public ClusterDdl(String cluster, String database) {
        if (!cluster.matches(NAME) || !database.matches(NAME)) {
            throw new IllegalArgumentException("«" + cluster + "» и «" + database + "» — не имена кластера и базы ClickHouse "
                    + "(латинские буквы, цифры и _): исправьте warehouse.cluster или адрес хранилища");
        }
        this.cluster = cluster;
        this.database = database;
    }

    /** Flyway's resolver that executes the migration files as this class rewrites them. */
    public static org.flywaydb.core.api.resolver.MigrationResolver flywayResolver(String cluster, String database) {
        return new ClusterMigrationResolver(cluster, database);
    }

    /** One migration script: its version (for messages) and its text. */
    public record Script(String version, String text) {
    }

    /**
     * Every script's statements, rewritten for the cluster, by version, in the order given (version order: each
     * statement is rewritten knowing the tables the earlier ones made).
     */
    public static Map<String, List<String>> plan(String cluster, String database, List<Script> scripts) {
        return new ClusterDdl(cluster, database).plan(scripts);
    }

    /** {@link #plan(String, String, List)} on this rewrite, which then knows the tables the scripts made. */
    public Map<String, List<String>> plan(List<Script> scripts) {
        ClusterDdl ddl = this;
        Map<String, List<String>> plan = new LinkedHashMap<>();
        for (Script script : scripts) {
            List<String> out = new ArrayList<>();
            List<String> statements = SqlResource.statements(script.text());
            for (int i = 0; i < statements.size(); i++) {
                try {
                    out.addAll(ddl.rewrite(statements.get(i)));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("миграция V" + script.version() + ", инструкция " + (i + 1) + ": "
                            + e.getMessage(), e);
                }
            }
            plan.put(script.version(), List.copyOf(out));
        }
        return plan;
    }

    /** The Distributed tables and their sharding keys, after the statements rewritten so far. */
    public Map<String, String> distributedTables() {
        Map<String, String> keys = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            if (t.kind == Kind.SHARDED) {
                keys.put(name, t.key);
            }
        });
        return keys;
    }

    /** The tables with a copy on every node (no Distributed table). */
    public Set<String> globalTables() {
        Set<String> global = new LinkedHashSet<>();
        tables.forEach((name, t) -> {
            if (t.kind == Kind.GLOBAL) {
                global.add(name);
            }
        });
        return global;
    }

    /**
     * Which tables have a copy on every node rather than shards: the bookkeeping tables. They are small (one row per
     * run, load, bad row), every node's views read them (the published-run pointer above all), and the
     * pseudonymisation key's fingerprint must be one for the whole warehouse.
     */
    static boolean global(String table) {
        return table.startsWith("meta_");
    }

    /**
     * The sharding key of a table with these columns. Region and school where the table has both (a region's schools
     * spread evenly, a school's rows together); a table without {@code school_id} by region (region-level marts); a
     * staging table without {@code region} by school: the result, context and staffing files carry the school's code
     * only, the region being the school reference's (stg_schools), so a school's rows stay on one shard and a join
     * to the reference is a GLOBAL one (the layout's profile sets {@code distributed_product_mode = 'global'}).
     * With neither column (stg_municipal_plan; marts such as list_transitions until V19 gives them a region): the
     * table's own sort key, which spreads the rows deterministically, so a retried insert lands where it landed.
     */
    static String shardingKey(List<String> columns, String orderBy) {
        boolean region = columns.contains("region");
        boolean school = columns.contains("school_id");
        if (region && school) {
            return "cityHash64(region, school_id)";
        }
        if (region) {
            return "cityHash64(region)";
        }
        if (school) {
            return "cityHash64(school_id)";
        }
        String key = orderBy == null || orderBy.isBlank() ? "tuple()" : orderBy.strip();
        if (key.startsWith("(") && key.endsWith(")")) {
            key = key.substring(1, key.length() - 1);
        }
        return "tuple()".equals(key) ? "rand()" : "cityHash64(" + key + ")";
    }

    /** One single-server statement as the cluster runs it: one or more statements. */
    public List<String> rewrite(String statement) {
        String sql = statement.strip().replaceAll(";$", "").strip();
        Matcher m;
        if ((m = CREATE_COLUMNS.matcher(sql)).matches()) {
            return createTable(m.group(1) != null, m.group(2), "(" + m.group(3) + ")", columnsOf(m.group(3)),
                    m.group(4), m.group(6), m.group(7));
        }
        if ((m = CREATE_AS.matcher(sql)).matches()) {
            Table source = table(m.group(3), sql);
            String like = source.kind == Kind.SHARDED ? m.group(3) + LOCAL : m.group(3);
            return createTable(m.group(1) != null, m.group(2), "AS " + like, source.columns, m.group(4), m.group(6),
                    m.group(7));
        }
        if ((m = CREATE_VIEW.matcher(sql)).matches()) {
            tables.put(m.group(3), new Table(Kind.VIEW, List.of(), null));
            return List.of("CREATE " + (m.group(1) == null ? "" : "OR REPLACE ") + "VIEW "
                    + (m.group(2) == null ? "" : "IF NOT EXISTS ") + m.group(3) + onCluster() + " " + m.group(4));
        }
        if ((m = ALTER.matcher(sql)).matches()) {
            return alter(m.group(1), m.group(2), sql);
        }
        if ((m = DROP.matcher(sql)).matches()) {
            return drop(m.group(1).toUpperCase(Locale.ROOT), m.group(2) != null, m.group(3), sql);
        }
        if ((m = TRUNCATE.matcher(sql)).matches()) {
            Table t = table(m.group(2), sql);
            String target = t.kind == Kind.SHARDED ? m.group(2) + LOCAL : m.group(2);
            return List.of("TRUNCATE TABLE " + (m.group(1) == null ? "" : "IF EXISTS ") + target + onCluster());
        }
        if ((m = INSERT.matcher(sql)).matches()) {
            Table t = table(m.group(1), sql);
            if (t.kind != Kind.SHARDED) {
                // a global table: written once on this node, replicated to every other
                return List.of(sql);
            }
            // into the Distributed table, synchronously: the rows are on their shards when the statement returns
            return List.of("INSERT INTO " + m.group(1) + (m.group(2) == null ? "" : " " + m.group(2))
                    + " SETTINGS " + FOREGROUND_INSERT + " = 1 " + m.group(3));
        }
        throw new IllegalStateException("в режиме кластера (warehouse.cluster) непонятно, как выполнить эту инструкцию "
                + "на всех узлах; допишите её правило в ClusterDdl: " + abbreviated(sql));
    }

    private List<String> createTable(boolean ifNotExists, String name, String shape, List<String> columns,
                                     String family, String engineArgs, String rest) {
        String ine = ifNotExists ? "IF NOT EXISTS " : "";
        boolean global = global(name);
        Table t = new Table(global ? Kind.GLOBAL : Kind.SHARDED, columns, orderBy(rest));
        String args = "'" + (global ? GLOBAL_PATH : SHARDED_PATH) + "', '{replica}'"
                + (engineArgs == null || engineArgs.isBlank() ? "" : ", " + engineArgs.strip());
        String engine = "ENGINE = Replicated" + family + "MergeTree(" + args + ")" + rest;
        tables.put(name, t);
        if (global) {
            return List.of("CREATE TABLE " + ine + name + onCluster() + " " + shape + " " + engine);
        }
        t.key = shardingKey(columns, t.orderBy);
        return List.of(
                "CREATE TABLE " + ine + name + LOCAL + onCluster() + " " + shape + " " + engine,
                "CREATE TABLE " + ine + name + onCluster() + " AS " + name + LOCAL + " " + distributed(name, t.key));
    }

    private List<String> alter(String name, String operations, String sql) {
        Table t = table(name, sql);
        if (t.kind == Kind.VIEW) {
            throw new IllegalStateException("в режиме кластера ALTER TABLE не применяется к представлению " + name
                    + ": пересоздайте его (CREATE OR REPLACE VIEW) — " + abbreviated(sql));
        }
        if (t.kind == Kind.GLOBAL) {
            applyColumnOps(t, operations);
            return List.of("ALTER TABLE " + name + onCluster() + " " + operations);
        }
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + name + LOCAL + onCluster() + " " + operations);
        List<String> columnOps = applyColumnOps(t, operations);
        if (!columnOps.isEmpty()) {
            String key = shardingKey(t.columns, t.orderBy);
            if (!key.equals(t.key)) {
                // A Distributed table holds no rows: re-created over the altered local table with the new key.
                t.key = key;
                out.add("CREATE OR REPLACE TABLE " + name + onCluster() + " AS " + name + LOCAL + " "
                        + distributed(name, key));
            } else {
                out.add("ALTER TABLE " + name + onCluster() + " " + String.join(", ", columnOps));
            }
        }
        return out;
    }

    /** Applies the column operations to the table's known columns; returns them (the others touch rows only). */
    private static List<String> applyColumnOps(Table t, String operations) {
        List<String> columnOps = new ArrayList<>();
        for (String op : topLevel(operations)) {
            Matcher m;
            if ((m = ADD_COLUMN.matcher(op)).matches()) {
                if (!t.columns.contains(m.group(2))) {
                    t.columns.add(m.group(2));
                }
                columnOps.add(op);
            } else if ((m = DROP_COLUMN.matcher(op)).matches()) {
                t.columns.remove(m.group(2));
                columnOps.add(op);
            } else if ((m = RENAME_COLUMN.matcher(op)).matches()) {
                int at = t.columns.indexOf(m.group(2));
                if (at >= 0) {
                    t.columns.set(at, m.group(3));
                }
                columnOps.add(op);
            } else if (OTHER_COLUMN_OP.matcher(op).matches()) {
                columnOps.add(op);
            }
        }
        return columnOps;
    }

    private List<String> drop(String what, boolean ifExists, String name, String sql) {
        Table t = ifExists ? tables.get(name) : table(name, sql);
        String ie = ifExists ? "IF EXISTS " : "";
        tables.remove(name);
        if (t != null && t.kind == Kind.SHARDED) {
            // the Distributed table first, then its replicas; SYNC frees the ZooKeeper path for a table of that name
            return List.of("DROP TABLE " + ie + name + onCluster() + " SYNC",
                    "DROP TABLE " + ie + name + LOCAL + onCluster() + " SYNC");
        }
        return List.of("DROP " + what + " " + ie + name + onCluster() + ("TABLE".equals(what) ? " SYNC" : ""));
    }

    private Table table(String name, String sql) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalStateException("таблица " + name + " не создана ни одной из предыдущих миграций: "
                    + abbreviated(sql));
        }
        return t;
    }

    private String onCluster() {
        return " ON CLUSTER " + cluster;
    }

    private String distributed(String name, String key) {
        return "ENGINE = Distributed('" + cluster + "', '" + database + "', '" + name + LOCAL + "', " + key + ")";
    }

    /** The column names of a CREATE TABLE's column list (indexes, projections and constraints left out). */
    static List<String> columnsOf(String body) {
        List<String> names = new ArrayList<>();
        for (String item : topLevel(body)) {
            String first = item.strip().split("\\s+", 2)[0];
            String upper = first.toUpperCase(Locale.ROOT);
            if (upper.equals("INDEX") || upper.equals("PROJECTION") || upper.equals("CONSTRAINT")) {
                continue;
            }
            names.add(first.replace("`", "").replace("\"", ""));
        }
        return names;
    }

    /** The ORDER BY expression of a table's engine clause, or null. */
    static String orderBy(String engineClause) {
        Matcher m = Pattern.compile("ORDER\\s+BY\\s+(\\([^)]*\\)|[^\\s]+)", FLAGS).matcher(engineClause);
        return m.find() ? m.group(1) : null;
    }

    /** The items of a comma-separated list, split only at commas outside parentheses and quotes. */
    static List<String> topLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            items.add(current.toString().strip());
        }
        return items;
    }

    private static String abbreviated(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
