package ru.orientir.etl.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of a long load: rows, rows per second and the time left, on standard error. On a terminal one line is
 * rewritten in place; otherwise (cron, a log file) a plain line is written every {@code interval} seconds. Loads that
 * finish within the first interval print nothing. The time left is estimated for CSV from the file's size and the
 * bytes per line of its first 256 KiB; for XLSX (compressed) only rows and speed are shown.
 */
public final class ProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String file;
    private final long estimatedRows;
    private final boolean terminal;
    private final PrintStream out;
    private long rows;
    private long started;
    private long lastPrinted;
    private boolean printed;

    public ProgressListener(String file, long estimatedRows, boolean terminal, PrintStream out) {
        this.file = file;
        this.estimatedRows = estimatedRows;
        this.terminal = terminal;
        this.out = out;
    }

    public static ProgressListener forFile(String name, Path path) {
        return new ProgressListener(name, estimateRows(path), System.console() != null, System.err);
    }

    /** Lines in the file, estimated from its size and its first 256 KiB; -1 when unknown (XLSX, tiny files). */
    static long estimateRows(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] sample = in.readNBytes(256 * 1024);
            if (sample.length < 4 || (sample[0] == 'P' && sample[1] == 'K')) {
                return -1;
            }
            long lines = 0;
            for (byte b : sample) {
                if (b == '\n') {
                    lines++;
                }
            }
            return lines == 0 ? -1 : Math.round(Files.size(path) / ((double) sample.length / lines));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started = System.nanoTime();
        lastPrinted = started;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        rows += chunk.size();
        long now = System.nanoTime();
        if (now - lastPrinted >= (terminal ? 1_000_000_000L : INTERVAL_NANOS) && now - started >= INTERVAL_NANOS / 2) {
            lastPrinted = now;
            printed = true;
            String line = line(now);
            if (terminal) {
                out.print("\r" + line + "   ");
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (printed && terminal) {
            out.println("\r" + line(System.nanoTime()).replaceFirst(", осталось.*$", "") + ", готово   ");
        }
        return null;
    }

    /** 1234567 → «1 234 567» (a thin space would be nicer, but terminals and logs render a plain one everywhere). */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = rows / seconds;
        StringBuilder s = new StringBuilder(file + ": " + grouped(rows) + " строк, " + grouped(Math.round(rate)) + " строк/с");
        if (estimatedRows > rows && rate > 0) {
            long left = Math.round((estimatedRows - rows) / rate);
            s.append(String.format(Locale.ROOT, ", осталось ~%d:%02d", left / 60, left % 60));
        }
        return s.toString();
    }
}
