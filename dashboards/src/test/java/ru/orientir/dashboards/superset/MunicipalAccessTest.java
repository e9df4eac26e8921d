package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.WarehouseSettings;
import ru.orientir.warehouse.clickhouse.ClickHouseTestServer;

/**
 * The row-level security clause of a municipality, executed as a WHERE over a table of hostile municipality names on
 * both engines: it must keep exactly that municipality's rows, whatever the name holds.
 */
class MunicipalAccessTest {
    static final List<String> NAMES = List.of(
            "Михайловский район", "г. Шахты", "ЗАТО «Знаменск»", "Зерноградский р-н (село №2)",
            "Кто'то\\", "O''Brien", "a\\'b", "--", "Север\nЮг", "Юг", "Юг ", "\\", "''", "x' OR '1'='1",
            "a :b", "{{ 1 }}", "{% if true %}x{% endif %}", "таб\tуляция", "a\\\\'; DROP TABLE t; --");

    @Test
    void plainNamesStayReadableAndOthersNeverReachTheSqlAsText() {
        assertEquals("municipality = 'Михайловский район'", MunicipalAccess.clause("Михайловский район"));
        assertEquals("municipality = 'ЗАТО «Знаменск»'", MunicipalAccess.clause("ЗАТО «Знаменск»"));
        for (String name : NAMES) {
            String clause = MunicipalAccess.clause(name);
            String literal = clause.substring(clause.indexOf('\'') + 1, clause.length() - 1);
            assertFalse(literal.contains("'") || literal.contains("\\") || literal.contains(":")
                    || literal.contains("{") || literal.contains("\n"), clause);
        }
        assertEquals("hex(municipality) = '4B27D0AF'", MunicipalAccess.clause("K'Я"));
    }

    @Test
    void clauseKeepsExactlyItsMunicipalityOnDuckDb() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER, municipality VARCHAR)");
            }
            assertEveryClauseKeepsItsOwnRows(c);
        }
    }

    @Test
    void clauseKeepsExactlyItsMunicipalityOnClickHouse() throws Exception {
        ClickHouseTestServer server = ClickHouseTestServer.require();
        WarehouseSettings settings = server.freshDatabase("rls");
        try (Connection c = ClickHouseTestServer.connect(settings)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id UInt32, municipality String) ENGINE = MergeTree ORDER BY id");
            }
            assertEveryClauseKeepsItsOwnRows(c);
        } finally {
            server.dropDatabase(settings);
        }
    }

    private static void assertEveryClauseKeepsItsOwnRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, municipality) VALUES (?, ?)")) {
            for (int i = 0; i < NAMES.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, NAMES.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertTrue(rs.next());
            assertEquals(NAMES.size(), rs.getInt(1), "every hostile name stored as given");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String clause = MunicipalAccess.clause(NAMES.get(i));
            List<Integer> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM t WHERE (" + clause + ") ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            } catch (SQLException e) {
                problems.add(NAMES.get(i).replace("\n", "\\n") + ": " + clause + " failed: " + e.getMessage());
                continue;
            }
            if (!ids.equals(List.of(i))) {
                problems.add(NAMES.get(i).replace("\n", "\\n") + ": " + clause + " kept rows " + ids + ", expected [" + i + "]");
            }
        }
        assertEquals(List.of(), problems);
    }
}
