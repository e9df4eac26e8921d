package ru.orientir.warehouse.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;
import ru.orientir.warehouse.WarehouseSettings;

/** DuckDB publication is all or nothing across marts, and a second process cannot open the warehouse meanwhile. */
class DuckDbPublicationTest {
    @TempDir
    Path dir;

    @Test
    void aFailedPublicationLeavesEveryMartAsItWas() throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(dir))) {
            w.migrate();
            Path membership1 = parquet(w, "membership1", "SELECT 'r1' AS run_id, 2024 AS list_year, 'S1' AS school_id, true AS on_list, 'official' AS source, NULL AS reasons");
            Path transitions1 = parquet(w, "transitions1", "SELECT 'r1' AS run_id, 'region' AS level, 2024 AS list_year, NULL AS municipality, 1 AS schools, 1 AS on_list, NULL AS entered, NULL AS first_time, NULL AS \"returning\", NULL AS stayed, NULL AS \"left\", 1.0 AS share_on_list");
            w.publish("r1", List.of(new MartFiles("list_membership", List.of(membership1)), new MartFiles("list_transitions", List.of(transitions1))));
            assertEquals("r1", w.publishedRun());
            assertEquals("r1", scalar(w, "SELECT string_agg(DISTINCT run_id, ',') FROM list_membership"));

            Path membership2 = parquet(w, "membership2", "SELECT 'r2' AS run_id, 2025 AS list_year, 'S2' AS school_id, false AS on_list, 'official' AS source, NULL AS reasons");
            // school count missing: violates NOT NULL on list_transitions.schools, so the whole publication must fail
            Path broken = parquet(w, "broken", "SELECT 'r2' AS run_id, 'region' AS level, 2025 AS list_year, NULL AS municipality, NULL::INTEGER AS schools, 0 AS on_list, NULL AS entered, NULL AS first_time, NULL AS \"returning\", NULL AS stayed, NULL AS \"left\", 0.0 AS share_on_list");
            WarehouseException e = assertThrows(WarehouseException.class, () -> w.publish("r2", List.of(
                    new MartFiles("list_membership", List.of(membership2)), new MartFiles("list_transitions", List.of(broken)))));
            assertTrue(e.getMessage().contains("остаётся прежняя публикация"), e.getMessage());
            assertEquals("r1", w.publishedRun(), "the pointer did not move");
            assertEquals("r1", scalar(w, "SELECT string_agg(DISTINCT run_id, ',') FROM list_membership"),
                    "the first mart was not replaced on its own");
            assertEquals("1", scalar(w, "SELECT count(*) FROM list_transitions"));

            w.publish("r3", List.of(new MartFiles("list_membership", List.of(membership1, membership2))));
            assertEquals("2", scalar(w, "SELECT count(*) FROM list_membership"), "several files make one mart");

            WarehouseException locked = assertThrows(WarehouseException.class, () -> {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), SecondOpener.class.getName(), dir.toString());
                Process p = pb.inheritIO().start();
                if (p.waitFor() != 3) {
                    throw new AssertionError("a second process opened the warehouse while this one holds it");
                }
                throw new WarehouseException("locked as expected");
            });
            assertEquals("locked as expected", locked.getMessage());
        }
    }

    /** Run in a second JVM: exits 3 when the warehouse is refused with the lock message. */
    public static final class SecondOpener {
        public static void main(String[] args) {
            try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(Path.of(args[0])))) {
                System.exit(0);
            } catch (WarehouseException e) {
                System.exit(e instanceof ru.orientir.warehouse.WarehouseBusyException && e.getMessage().contains("занято другим процессом Ориентира") ? 3 : 4);
            }
        }
    }

    private Path parquet(Warehouse w, String name, String select) {
        Path file = dir.resolve(name + ".parquet");
        w.exportParquet(select, file);
        return file;
    }

    private static String scalar(Warehouse w, String sql) throws Exception {
        try (Connection c = w.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
