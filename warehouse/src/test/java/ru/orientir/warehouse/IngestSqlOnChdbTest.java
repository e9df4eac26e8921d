package ru.orientir.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.ClickHouseSqlOnChdbTest.Table;
import ru.orientir.warehouse.chdb.Chdb;

/**
 * The ingest's de-duplication of student results (sql/ingest/*.sql) on both engines: the same staging rows, the same
 * statements run twice (the step is idempotent), the same quarantine and staging afterwards.
 */
class IngestSqlOnChdbTest {
    private static final List<String> SETUP = List.of(
            "INSERT INTO meta_load VALUES ('L-other', 'r', 'other.csv', 'exam_results', 'h1', '2025-01-01 00:00:00', "
                    + "'2025-01-01 00:00:01', 1, 1, 0, 'loaded', NULL, NULL)",
            "INSERT INTO stg_exam_results (load_id, line, year, procedure, grade, subject, school_id, participant_key, mark, score) VALUES ('L-other', 2, 2024, 'ВПР', 5, 'математика', 'S1', 'p1', 3, 9)",
            "INSERT INTO stg_exam_results (load_id, line, year, procedure, grade, subject, school_id, participant_key, mark, score) VALUES "
                    + "('L-now', 2, 2024, 'ВПР', 5, 'математика', 'S1', 'p1', 4, 12),"
                    + "('L-now', 3, 2024, 'ВПР', 5, 'математика', 'S1', 'p2', 2, 14.5),"
                    + "('L-now', 4, 2024, 'ВПР', 5, 'математика', 'S1', 'p2', 3, 15),"
                    + "('L-now', 5, 2024, 'ВПР', 6, 'математика', 'S1', 'p2', 5, NULL),"
                    + "('L-now', 6, 2024, 'ЕГЭ', 11, 'физика', 'S2', 'p3', NULL, 88)");
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("quarantine", "SELECT load_id, file, line, field, reason, raw FROM meta_quarantine ORDER BY load_id, line");
        QUERIES.put("staging", "SELECT load_id, line FROM stg_exam_results ORDER BY load_id, line");
    }

    @Test
    void duplicatesMoveToQuarantineOnceOnBothEngines() throws Exception {
        List<String> dedupe = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            dedupe.add(bind(SqlResource.load("sql/ingest/exam-results-duplicates-quarantine.sql"),
                    "now.csv", "L-now", "L-now", "now.csv", "L-now"));
            dedupe.add(bind(SqlResource.load("sql/ingest/exam-results-duplicates-delete.sql"), "L-now", "L-now"));
        }

        Map<String, Table> duck = new LinkedHashMap<>();
        try (Warehouse w = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            w.migrate();
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                for (String sql : SETUP) {
                    s.execute(sql);
                }
                for (String sql : dedupe) {
                    s.execute(sql);
                }
                for (var q : QUERIES.entrySet()) {
                    duck.put(q.getKey(), ClickHouseSqlOnChdbTest.query(c, q.getValue()));
                }
            }
        }
        assertEquals(List.of(
                ClickHouseSqlOnChdbTest.row("L-now", "now.csv", 2L, "participant_id",
                        "повтор: результат этого участника по этой процедуре уже загружен",
                        "2024,ВПР,5,математика,S1,#p1,4,12"),
                ClickHouseSqlOnChdbTest.row("L-now", "now.csv", 4L, "participant_id",
                        "повтор: результат этого участника по этой процедуре уже загружен",
                        "2024,ВПР,5,математика,S1,#p2,3,15")),
                normalised(duck.get("quarantine").rows()));
        assertEquals(List.of(ClickHouseSqlOnChdbTest.row("L-now", 3L), ClickHouseSqlOnChdbTest.row("L-now", 5L),
                        ClickHouseSqlOnChdbTest.row("L-now", 6L), ClickHouseSqlOnChdbTest.row("L-other", 2L)),
                normalised(duck.get("staging").rows()));

        List<String> chStatements = new ArrayList<>(SETUP);
        chStatements.addAll(dedupe);
        Map<String, Chdb.Result> ch = Chdb.require().run(Chdb.clickHouseMigrations(), chStatements, QUERIES);
        for (String name : QUERIES.keySet()) {
            ClickHouseSqlOnChdbTest.assertSameTable("dedupe " + name + ", ClickHouse vs DuckDB", duck.get(name),
                    ClickHouseSqlOnChdbTest.table(ch.get(name)));
        }
    }

    private static List<List<Object>> normalised(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream().map(ClickHouseSqlOnChdbTest::normalise).toList()).toList();
    }

    /** Positional parameters as literals (test values only: no quotes in them). */
    static String bind(String sql, String... values) {
        StringBuilder out = new StringBuilder();
        int v = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append('\'').append(values[v++]).append('\'');
            } else {
                out.append(ch);
            }
        }
        assertEquals(values.length, v, "parameter count");
        return out.toString();
    }
}
