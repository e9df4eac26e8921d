package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;

/**
 * Property: whatever random corruption does to good files (bytes flipped, quotes and separators inserted or removed,
 * lines duplicated or cut, the file truncated), a run never crashes, every file ends loaded or failed with a message,
 * and for every load rows read = rows loaded + rows quarantined — checked against the warehouse's own counts.
 */
class CorruptionFuzzTest {
    private static final int ROUNDS = 15;

    @TempDir
    Path dir;

    @Test
    void randomCorruptionNeverCrashesARunNorLosesARow() throws Exception {
        String schools = goodSchools();
        String results = goodResults();
        for (int round = 0; round < ROUNDS; round++) {
            SplittableRandom random = new SplittableRandom(1000 + round);
            Path roundDir = Files.createDirectories(dir.resolve("r" + round));
            try (IngestFixture f = new IngestFixture(roundDir)) {
                Files.write(f.inbox.resolve("schools.csv"), corrupt(schools, random));
                Files.write(f.inbox.resolve("results.csv"), corrupt(results, random));
                List<LoadResult> loads = new FileIngestor(f.warehouse, f.batch, new IngestJobConfiguration(f.batch,
                        ChunkObserver.NONE, new IngestSettings(ColumnAliases.builtIn(), null,
                        "k-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8))), "fuzz").ingest(f.inbox);
                assertEquals(2, loads.size(), "round " + round + ": " + loads);
                for (LoadResult load : loads) {
                    assertNotNull(load.message(), "round " + round);
                    if (load.status() == LoadResult.Status.LOADED) {
                        assertEquals(load.rowsRead(), load.rowsLoaded() + load.rowsQuarantined(), "round " + round + ": " + load);
                        String table = load.kind().stagingTable();
                        assertEquals(load.rowsLoaded(), f.count("SELECT count(*) FROM " + table + " WHERE load_id = ?", load.loadId()),
                                "round " + round + ": staging rows of " + load.file());
                        assertEquals(load.rowsQuarantined(), f.count("SELECT count(*) FROM meta_quarantine WHERE load_id = ?",
                                load.loadId()), "round " + round + ": quarantined rows of " + load.file());
                    } else {
                        assertFalse(load.message().isBlank(), "round " + round);
                    }
                }
                for (List<String> raw : f.rows("SELECT raw FROM meta_quarantine")) {
                    assertFalse(raw.get(0).matches("(?s).*\\b7\\d{9}\\b.*"), "a raw participant id reached quarantine: " + raw);
                }
            }
        }
    }

    private static String goodSchools() {
        StringBuilder s = new StringBuilder("school_id,name,municipality,settlement\n");
        for (int i = 0; i < 40; i++) {
            s.append("S").append(i).append(",\"Школа № ").append(i).append(", филиал\",Район ").append(i % 4).append(",с. Ивановка\n");
        }
        return s.toString();
    }

    private static String goodResults() {
        StringBuilder s = new StringBuilder("year,procedure,grade,subject,school_id,participant_id,mark,score\n");
        for (int i = 0; i < 1_500; i++) {
            s.append("2024,ВПР,").append(4 + i % 5).append(",математика,S").append(i % 40).append(',')
                    .append(7_000_000_000L + i).append(',').append(2 + i % 4).append(",\"").append(i % 20).append(",5\"\n");
        }
        return s.toString();
    }

    /** A few random edits of the kinds real files suffer. */
    static byte[] corrupt(String text, SplittableRandom random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && s.length() > 2; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> s.insert(at, '"');
                case 1 -> s.insert(at, ',');
                case 2 -> s.deleteCharAt(at);
                case 3 -> s.insert(at, "\n");
                case 4 -> {
                    int end = s.indexOf("\n", at);
                    if (end > 0) {
                        s.insert(end + 1, s.substring(Math.max(0, s.lastIndexOf("\n", at) + 1), end + 1));
                    }
                }
                case 5 -> s.setLength(at);
                default -> s.insert(at, "Итого;;\u0000\u00ff");
            }
        }
        byte[] out = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && out.length > 10) {
            out[random.nextInt(out.length)] = (byte) 0xC3; // a broken UTF-8 sequence
        }
        return out.length == 0 ? bytes : out;
    }
}
