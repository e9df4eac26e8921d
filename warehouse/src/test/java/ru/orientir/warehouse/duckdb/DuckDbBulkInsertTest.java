package ru.orientir.warehouse.duckdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.orientir.warehouse.TableRows;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * {@code insertRows} on DuckDB has two bulk paths: the appender for small batches and a CSV file read by DuckDB's own
 * reader from {@link EngineCsvLoad#MIN_ROWS} rows on. Both must give back exactly what they were given, whatever the
 * strings hold, and both must be all or nothing across the tables of one call.
 */
class DuckDbBulkInsertTest {
    private static final List<String> COLUMNS = List.of("s", "i", "l", "d", "b", "n");
    /** Values a region's file can hold after validation, and a few no file should, but a writer must not mangle. */
    private static final Object[][] TRICKY = {
            {"РУССКИЙ ЯЗЫК", 1, 1L, 0.1, true},
            {"", 0, 0L, 0.0, false},
            {"\\N", -1, Long.MAX_VALUE, -0.0, null},
            {null, null, null, null, null},
            {"кавычки \"внутри\", и запятая", Integer.MAX_VALUE, Long.MIN_VALUE, 1e-7, true},
            {"две\nстроки\r\nи \t табуляция", Integer.MIN_VALUE, 42L, 1.0E10, false},
            {"'апостроф' и \\ обратная черта", 7, 7L, 2.0 / 3.0, true},
            {"\"", 5, 5L, 99.99, null},
            {"эмодзи 📚 и ё", 3, 3L, 123456.789, false},
            {" пробелы по краям ", 2, 2L, Double.MIN_VALUE, true},
    };

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {10, EngineCsvLoad.MIN_ROWS - 1, EngineCsvLoad.MIN_ROWS, 12_345})
    void everyValueComesBackAsItWent(int count) throws Exception {
        List<Object[]> rows = rows(count);
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(dir))) {
            createTable(w, "bulk");
            w.insertRows(List.of(new TableRows("bulk", COLUMNS, rows)));
            List<Object[]> back = new ArrayList<>();
            try (Connection c = w.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT s, i, l, d, b FROM bulk ORDER BY n")) {
                while (rs.next()) {
                    back.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4), rs.getObject(5)});
                }
            }
            assertEquals(count, back.size());
            for (int i = 0; i < count; i++) {
                assertArrayEquals(java.util.Arrays.copyOf(rows.get(i), 5), back.get(i), "row " + i);
            }
            // -0.0 stays negative zero; 2/3 and the smallest double keep every bit
            if (count > 2) {
                assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get(2)[3]));
            }
        }
        assertNoLoadFiles();
    }

    /** One call is one transaction: a value the second table refuses undoes the first table's rows too, on either path. */
    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {10, 5_000})
    void aRefusedValueUndoesTheWholeCall(int count) throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(dir))) {
            createTable(w, "first_table");
            createTable(w, "second_table");
            List<Object[]> bad = rows(count);
            // a BIGINT beyond INTEGER's range in the INTEGER column: the engine refuses it
            bad.get(count / 2)[1] = Long.MAX_VALUE;
            assertThrows(WarehouseException.class, () -> w.insertRows(List.of(
                    new TableRows("first_table", COLUMNS, rows(count)), new TableRows("second_table", COLUMNS, bad))));
            try (Connection c = w.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM first_table) + (SELECT count(*) FROM second_table)")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing of the refused call stays");
            }
        }
        assertNoLoadFiles();
    }

    @Test
    void filesLeftByAKilledLoadAreRemovedWhenTheWarehouseOpens() throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(dir))) {
            w.migrate();
        }
        Path folder = loadFolder();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("load-stg_exam_results-123.csv"), "\"half a row");
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(dir))) {
            assertNoLoadFiles();
        }
    }

    private Path loadFolder() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            Path db = files.filter(f -> f.getFileName().toString().endsWith(".duckdb")).findFirst().orElseThrow();
            return Path.of(db + ".load");
        }
    }

    private void assertNoLoadFiles() throws Exception {
        Path folder = loadFolder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), "temporary load files are removed");
            }
        }
    }

    private static void createTable(Warehouse w, String table) throws Exception {
        try (Connection c = w.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (s VARCHAR, i INTEGER, l BIGINT, d DOUBLE, b BOOLEAN, n INTEGER)");
        }
    }

    /** The tricky rows in turn, each with its position in column n so the order can be checked. */
    private static List<Object[]> rows(int count) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object[] r = java.util.Arrays.copyOf(TRICKY[i % TRICKY.length], 6);
            r[5] = i;
            rows.add(r);
        }
        return rows;
    }
}
