package ru.orientir.etl.ingest.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.LoadResult;

/** Issue 12, items 4 and 12: files still being copied are left for the next run; links are refused. */
class InboxScannerTest {
    @TempDir
    Path dir;

    private static LoadResult result(InboxScanner.Scan scan, String name) {
        return scan.notTaken().stream().filter(r -> r.file().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " was not reported: " + scan));
    }

    @Test
    void aFileBeingWrittenIsLeftForTheNextRunAndNamed() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path old = Files.writeString(inbox.resolve("old.csv"), "a,b\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        Path growing = inbox.resolve("growing.csv");
        Files.writeString(growing, "school_id,name,municipality\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
                for (int i = 0; !stop.get(); i++) {
                    out.write(("S" + i + ",Школа,Район\n").getBytes());
                    out.flush();
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        InboxScanner.Scan scan;
        try {
            scan = new InboxScanner(Duration.ofMillis(400)).scan(inbox);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(List.of(old), scan.taken());
        LoadResult left = result(scan, "growing.csv");
        assertEquals(LoadResult.Status.SKIPPED, left.status());
        assertTrue(left.message().startsWith(InboxScanner.STILL_COPYING), left.message());
    }

    @Test
    void aFreshButUnchangedFileIsTakenAfterTheInterval() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path fresh = Files.writeString(inbox.resolve("fresh.csv"), "a,b\n");
        long started = System.nanoTime();
        InboxScanner.Scan scan = new InboxScanner(Duration.ofMillis(300)).scan(inbox);
        assertEquals(List.of(fresh), scan.taken());
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(250).toNanos(), "it waited for the file to settle");
    }

    @Test
    void aDoneMarkerTakesTheFileAtOnceAndIsNeverInput() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = Files.writeString(inbox.resolve("marked.csv"), "a,b\n");
        Files.writeString(inbox.resolve("marked.csv.done"), "");
        long started = System.nanoTime();
        InboxScanner.Scan scan = new InboxScanner(Duration.ofSeconds(30)).scan(inbox);
        assertEquals(List.of(file), scan.taken());
        assertTrue(scan.notTaken().isEmpty(), scan.toString());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "no wait with a marker");
    }

    @Test
    void aMarkerOlderThanTheFileDoesNotVouchForANewCopy() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path marker = Files.writeString(inbox.resolve("list.csv.done"), "");
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minusSeconds(3600)));
        Path file = Files.writeString(inbox.resolve("list.csv"), "a,b\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    out.write("x,y\n".getBytes());
                    out.flush();
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        InboxScanner.Scan scan;
        try {
            scan = new InboxScanner(Duration.ofMillis(300)).scan(inbox);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(scan.taken().isEmpty(), scan.toString());
        assertEquals(LoadResult.Status.SKIPPED, result(scan, "list.csv").status());
    }

    @Test
    void linksAreRefusedWithAReasonWhereverTheyPoint() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outside = Files.writeString(dir.resolve("secret.csv"), "school_id,name,municipality\nX,Y,Z\n");
        Path inside = Files.writeString(inbox.resolve("real.csv"), "a,b\n");
        Files.createSymbolicLink(inbox.resolve("to-outside.csv"), outside);
        Files.createSymbolicLink(inbox.resolve("to-inside.csv"), inside);
        Files.createDirectories(inbox.resolve("archive"));
        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(inbox);
        assertEquals(List.of(inside), scan.taken());
        for (String link : List.of("to-outside.csv", "to-inside.csv")) {
            LoadResult r = result(scan, link);
            assertEquals(LoadResult.Status.FAILED, r.status());
            assertTrue(r.message().contains("ссылка"), r.message());
        }
        assertEquals(2, scan.notTaken().size(), "a sub-folder is not input and not an error");
    }
}
