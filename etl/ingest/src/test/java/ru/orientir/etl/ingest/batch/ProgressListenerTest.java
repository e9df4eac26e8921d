package ru.orientir.etl.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;

class ProgressListenerTest {

    @Test
    void lineShowsRowsSpeedAndTimeLeft() throws Exception {
        ProgressListener p = new ProgressListener("results_2024.csv", 1_000_000, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        p.beforeStep(null);
        p.afterChunk(new Chunk<>(Collections.nCopies(250_000, new Object())));
        Thread.sleep(50);
        String line = p.line(System.nanoTime());
        assertTrue(line.matches("results_2024\\.csv: 250 000 строк, [\\d ]+ строк/с, осталось ~\\d+:\\d\\d"), line);
        assertEquals("1 234 567", ProgressListener.grouped(1_234_567));
    }

    @Test
    void quickLoadsPrintNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressListener p = new ProgressListener("f.csv", 10, false, new PrintStream(out, true, StandardCharsets.UTF_8));
        p.beforeStep(null);
        p.afterChunk(new Chunk<>(Collections.nCopies(10, new Object())));
        p.afterStep(null);
        assertEquals(0, out.size());
    }

    @Test
    void rowsAreEstimatedFromTheFileSize(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "a,b\n".repeat(100_000));
        long estimate = ProgressListener.estimateRows(csv);
        assertTrue(Math.abs(estimate - 100_000) < 100, "estimate " + estimate);
        Path xlsx = dir.resolve("r.xlsx");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertEquals(-1, ProgressListener.estimateRows(xlsx));
    }
}
