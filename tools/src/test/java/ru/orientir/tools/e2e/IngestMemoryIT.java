package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ru.orientir.jobs.e2e.OrientirCli;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion streams: a student-level results file larger than the whole JVM heap loads completely, in a separate
 * JVM started with that heap (bin/orientir benchmark ingest, which prints the file size and peak memory).
 */
class IngestMemoryIT {
    private static final int HEAP_MB = 96;
    private static final long ROWS = 1_900_000; // about 108 MB of CSV

    @TempDir
    Path work;

    @Test
    void aFileLargerThanTheHeapLoadsCompletely() throws Exception {
        OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_JAVA_OPTS", "-Xmx" + HEAP_MB + "m -Xms" + HEAP_MB + "m"));
        OrientirCli.Result r = cli.run("benchmark", "ingest", "--rows", Long.toString(ROWS), "--dir", work.toString());
        System.out.println(r.stdout());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        Matcher size = Pattern.compile("файл: [\\d,]+ строк, ([\\d.]+) МБ").matcher(r.stdout());
        assertTrue(size.find(), r.stdout());
        assertTrue(Double.parseDouble(size.group(1)) > HEAP_MB * 1.048576, "the file must be larger than the heap: " + r.stdout());
        // (the file size is printed in decimal megabytes, the heap in binary ones)
        assertTrue(r.stdout().contains("загрузка: прочитано " + ROWS + ", загружено " + ROWS + ", в карантине 0"), r.stdout());
        Matcher heap = Pattern.compile("максимум \\(-Xmx\\) (\\d+) МБ").matcher(r.stdout());
        assertTrue(heap.find(), r.stdout());
        assertTrue(Integer.parseInt(heap.group(1)) <= HEAP_MB, "the JVM really ran with the small heap: " + r.stdout());
    }
}
