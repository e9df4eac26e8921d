package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.inbox.InboxScanner;
import ru.orientir.etl.ingest.results.Pseudonymizer;
import ru.orientir.etl.ingest.source.MinimalXlsx;

/**
 * Issue 12's hostile-input corpus, through the whole ingest on a real DuckDB: links inside and outside the inbox, a
 * NUL far into a file, a file still being written, a {@code .done} marker, XLSX without styles or shared strings,
 * formula-looking cells and hostile municipality names. Afterwards every load accounts for its rows, nothing crashes,
 * and every refusal says why in Russian.
 */
class HostileInboxTest {
    static final byte[] KEY = "hostile-inbox-test-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8);
    static final String RESULTS_HEADER = "year,procedure,grade,subject,school_id,participant_id,mark\n";

    @TempDir
    static Path dir;
    static IngestFixture f;
    static Map<String, LoadResult> results;

    static List<LoadResult> ingest(IngestFixture fixture, IngestSettings settings, String runId) {
        return new FileIngestor(fixture.warehouse, fixture.batch,
                new IngestJobConfiguration(fixture.batch, ChunkObserver.NONE, settings), runId).ingest(fixture.inbox);
    }

    @BeforeAll
    static void loadTheCorpus() throws Exception {
        f = new IngestFixture(dir.resolve("corpus"));
        Path inbox = f.inbox;
        f.write("schools.csv", "school_id,name,municipality\n"
                + "S1,Школа 1,Север\n"
                + "S2,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"нажми\"\")\",Кто'то\\\n"
                + "S3,@SUM(A1:A2),\"Юг\nСевер\"\n"
                + "S4,+7 школа,-Район\n");
        StringBuilder big = new StringBuilder("school_id,name,municipality\n");
        for (int i = 0; big.length() < 200_000; i++) {
            big.append("B").append(i).append(",Школа ").append(i).append(",Север\n");
        }
        big.append("B-nul,Шко\0ла,Север\n").append("B-last,Последняя,Юг\n");
        f.write("schools_more.csv", big.toString());

        Path outside = Files.writeString(dir.resolve("outside.csv"), "school_id,name,municipality\nX1,Чужая,Вне\n");
        Files.createSymbolicLink(inbox.resolve("link_outside.csv"), outside);
        Files.createSymbolicLink(inbox.resolve("link_inside.csv"), inbox.resolve("schools.csv"));

        MinimalXlsx.write(inbox.resolve("list_libre.xlsx"),
                List.of(List.of("год списка", "код ОО"), List.of("2024", "S1"), List.of("2024", "S2")), false, false);
        MinimalXlsx.write(inbox.resolve("list_nostyles.xlsx"),
                List.of(List.of("год списка", "код ОО"), List.of("2023", "S3")), true, false);
        f.write("results.csv", RESULTS_HEADER + "2024,ВПР,5,математика,S1,P-100,3\n2024,ВПР,5,математика,S2,P-101,2\n");
        f.write("results.csv.done", "");

        Path partial = inbox.resolve("partial.csv");
        Files.writeString(partial, "school_id,name,municipality\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
                for (int i = 0; !stop.get(); i++) {
                    out.write(("P" + i + ",Школа,Район\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        try {
            results = ingest(f, new IngestSettings(ColumnAliases.builtIn(), null, KEY)
                    .withSettleInterval(Duration.ofMillis(500)), "hostile").stream()
                    .collect(Collectors.toMap(LoadResult::file, r -> r));
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    private static LoadResult result(String file) {
        LoadResult r = results.get(file);
        assertNotNull(r, "no result for " + file + " in " + results.keySet());
        return r;
    }

    private static boolean russian(String s) {
        return s != null && s.chars().anyMatch(c -> c >= 'а' && c <= 'я');
    }

    @Test
    void everyLoadAccountsForItsRowsAndEveryRefusalSaysWhy() throws Exception {
        for (LoadResult r : results.values()) {
            assertTrue(russian(r.message()), r.file() + ": " + r.message());
            if (r.status() == LoadResult.Status.LOADED) {
                assertEquals(r.rowsRead(), r.rowsLoaded() + r.rowsQuarantined(), r.file());
            }
        }
        for (List<String> load : f.rows("SELECT file, rows_read, rows_loaded, rows_quarantined FROM meta_load")) {
            assertEquals(Long.parseLong(load.get(1)), Long.parseLong(load.get(2)) + Long.parseLong(load.get(3)), load.toString());
        }
        assertFalse(results.containsKey("results.csv.done"), "a .done marker is never input");
    }

    @Test
    void linksAreRefusedAndNothingOutsideTheInboxLoads() throws Exception {
        for (String link : List.of("link_outside.csv", "link_inside.csv")) {
            assertEquals(LoadResult.Status.FAILED, result(link).status(), link);
            assertTrue(result(link).message().contains("ссылка"), result(link).message());
        }
        assertEquals(0, f.count("SELECT count(*) FROM stg_schools WHERE school_id = 'X1'"));
    }

    @Test
    void aLateNulQuarantinesItsRowNamingTheField() throws Exception {
        LoadResult r = result("schools_more.csv");
        assertEquals(LoadResult.Status.LOADED, r.status(), r.message());
        assertEquals(1, r.rowsQuarantined());
        String reason = f.rows("SELECT reason FROM meta_quarantine WHERE file = 'schools_more.csv'").get(0).get(0);
        assertTrue(reason.contains("«name»") && reason.contains("нулевой байт"), reason);
        assertEquals(0, f.count("SELECT count(*) FROM stg_schools WHERE school_id = 'B-nul'"));
        assertEquals(1, f.count("SELECT count(*) FROM stg_schools WHERE school_id = 'B-last'"));
    }

    @Test
    void aFileBeingWrittenIsLeftForTheNextRunNeverHalfLoaded() throws Exception {
        LoadResult r = result("partial.csv");
        assertEquals(LoadResult.Status.SKIPPED, r.status());
        assertTrue(r.message().startsWith(InboxScanner.STILL_COPYING), r.message());
        assertEquals(0, f.count("SELECT count(*) FROM meta_load WHERE file = 'partial.csv'"));
        assertEquals(0, f.count("SELECT count(*) FROM stg_schools WHERE school_id LIKE 'P%'"));
    }

    @Test
    void workbooksWithoutStylesOrSharedStringsLoad() throws Exception {
        assertEquals(LoadResult.Status.LOADED, result("list_libre.xlsx").status(), result("list_libre.xlsx").message());
        assertEquals(2, result("list_libre.xlsx").rowsLoaded());
        assertEquals(LoadResult.Status.LOADED, result("list_nostyles.xlsx").status(), result("list_nostyles.xlsx").message());
        assertEquals(1, result("list_nostyles.xlsx").rowsLoaded());
    }

    @Test
    void formulaCellsAndHostileNamesLoadAsText() throws Exception {
        assertEquals(LoadResult.Status.LOADED, result("schools.csv").status(), result("schools.csv").message());
        assertEquals(List.of(List.of("S2", "=HYPERLINK(\"http://evil.example/\",\"нажми\")", "Кто'то\\")),
                f.rows("SELECT school_id, name, municipality FROM stg_schools WHERE school_id = 'S2'"));
        assertEquals("@SUM(A1:A2)", f.rows("SELECT name FROM stg_schools WHERE school_id = 'S3'").get(0).get(0));
        assertEquals(LoadResult.Status.LOADED, result("results.csv").status(), result("results.csv").message());
        assertEquals(2, result("results.csv").rowsLoaded());
    }

    /** Item 6: one key per warehouse; a short key and a changed key are refused with what to do. */
    @Test
    void aChangedOrShortPseudonymKeyIsRefused() throws Exception {
        try (IngestFixture g = new IngestFixture(dir.resolve("keys"))) {
            byte[] other = "a-different-pseudonym-key-of-enough-length!!".getBytes(StandardCharsets.UTF_8);
            g.write("r1.csv", RESULTS_HEADER + "2024,ВПР,5,математика,S1,P-1,3\n");
            g.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
            assertEquals(LoadResult.Status.LOADED, IngestFixture.result(ingest(g, new IngestSettings(
                    ColumnAliases.builtIn(), null, KEY), "k1"), "r1.csv").status());
            assertEquals(1, g.count("SELECT count(*) FROM meta_pseudonym_key"));
            assertEquals(Pseudonymizer.fingerprint(KEY), g.rows("SELECT fingerprint FROM meta_pseudonym_key").get(0).get(0));
            assertFalse(g.rows("SELECT fingerprint FROM meta_pseudonym_key").get(0).get(0)
                    .contains(new String(KEY, StandardCharsets.UTF_8)));

            g.write("r2.csv", RESULTS_HEADER + "2024,ВПР,5,математика,S1,P-1,4\n");
            LoadResult changed = IngestFixture.result(ingest(g, new IngestSettings(ColumnAliases.builtIn(), null, other),
                    "k2"), "r2.csv");
            assertEquals(LoadResult.Status.FAILED, changed.status());
            assertTrue(changed.message().contains("посчитан дважды") && changed.message().contains("псевдонимизировать заново")
                    && changed.message().contains("новое хранилище"), changed.message());
            assertEquals(0, g.count("SELECT count(*) FROM stg_exam_results WHERE load_id IN "
                    + "(SELECT load_id FROM meta_load WHERE file = 'r2.csv')"));

            LoadResult shortKey = IngestFixture.result(ingest(g, new IngestSettings(ColumnAliases.builtIn(), null,
                    "test-key".getBytes(StandardCharsets.UTF_8)), "short"), "r2.csv");
            assertEquals(LoadResult.Status.FAILED, shortKey.status());
            assertTrue(shortKey.message().contains("слишком короткий"), shortKey.message());

            assertEquals(LoadResult.Status.LOADED, IngestFixture.result(ingest(g, new IngestSettings(
                    ColumnAliases.builtIn(), null, KEY), "k1-again"), "r2.csv").status());
        }
        assertThrows(IllegalStateException.class, () -> new Pseudonymizer(new byte[31]));
    }
}
