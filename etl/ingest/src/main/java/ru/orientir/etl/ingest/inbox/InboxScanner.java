package ru.orientir.etl.ingest.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ru.orientir.etl.ingest.LoadResult;

/**
 * Which files of the inbox a run takes. Each plain file directly in the inbox is either
 * <ul>
 * <li><b>taken</b>: a regular file (not a link) whose real path is inside the inbox, and <i>settled</i> — a
 * {@code <name>.done} marker lies beside it, written after the file's last change (taken at once), or its size and modification time stayed unchanged over
 * the settle interval (a file whose time is already older than the interval waits no longer);</li>
 * <li><b>refused</b> (a failed load, with the reason in Russian): a symbolic link, wherever it points, anything whose
 * real path is outside the inbox, and special files (pipes, devices);</li>
 * <li><b>left for the next run</b> (status skipped, «файл ещё копируется…»): a file whose size or time changed while
 * it was watched — it is still being copied, and must never be loaded half.</li>
 * </ul>
 * Hidden files (a leading dot: temporary files of rsync and others), sub-folders and the {@code .done} markers
 * themselves are not input. The scan waits at most one settle interval in all, whatever the number of files.
 */
public final class InboxScanner {
    /** Beside {@code name}, {@code name + DONE_SUFFIX} says the file is complete; the marker is never loaded. */
    public static final String DONE_SUFFIX = ".done";
    public static final String STILL_COPYING = "файл ещё копируется, оставлен до следующего запуска";
    static final String LINK = "ссылка (symlink) во входящей папке не загружается: положите в папку сам файл, а не "
            + "ссылку на него";
    static final String OUTSIDE = "файл находится вне входящей папки (её путь ведёт наружу): положите в папку сам файл";
    static final String SPECIAL = "не обычный файл (канал, устройство или сокет): положите в папку файл CSV или XLSX";

    /** What the scan decided: the files to load (sorted by name) and a result for each file not taken. */
    public record Scan(List<Path> taken, List<LoadResult> notTaken) {
    }

    private record Seen(long size, long modifiedMillis) {
    }

    private final Duration settle;

    public InboxScanner(Duration settle) {
        this.settle = settle == null || settle.isNegative() ? Duration.ZERO : settle;
    }

    public Scan scan(Path inbox) {
        Path realInbox;
        List<Path> entries;
        try {
            realInbox = inbox.toRealPath();
            try (Stream<Path> files = Files.list(inbox)) {
                entries = files.sorted().toList();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Не удалось прочитать входящую папку " + inbox + ": " + e.getMessage(), e);
        }
        List<LoadResult> notTaken = new ArrayList<>();
        Map<Path, Seen> watched = new LinkedHashMap<>();
        List<Path> taken = new ArrayList<>();
        for (Path path : entries) {
            String name = path.getFileName().toString();
            if (name.startsWith(".") || isMarker(name)) {
                continue;
            }
            String refusal;
            try {
                refusal = refusal(path, realInbox);
            } catch (IOException e) {
                notTaken.add(failed(inbox, path, "файл не удалось прочитать: " + e.getMessage()));
                continue;
            }
            if (refusal != null) {
                if (!refusal.isEmpty()) {
                    notTaken.add(failed(inbox, path, refusal));
                }
                continue;
            }
            if (settle.isZero() || markedDone(path)) {
                taken.add(path);
                continue;
            }
            try {
                watched.put(path, seen(path));
            } catch (IOException e) {
                notTaken.add(failed(inbox, path, "файл не удалось прочитать: " + e.getMessage()));
            }
        }
        settleWatched(inbox, watched, taken, notTaken);
        taken.sort(null);
        return new Scan(List.copyOf(taken), List.copyOf(notTaken));
    }

    /** Waits (once, at most the interval) until every watched file has been unchanged for the interval. */
    private void settleWatched(Path inbox, Map<Path, Seen> watched, List<Path> taken, List<LoadResult> notTaken) {
        if (watched.isEmpty()) {
            return;
        }
        long started = System.currentTimeMillis();
        long wait = 0;
        for (Seen s : watched.values()) {
            wait = Math.max(wait, settle.toMillis() - (started - s.modifiedMillis()));
        }
        wait = Math.min(wait, settle.toMillis());
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Ожидание файлов входящей папки прервано", e);
            }
        }
        long now = System.currentTimeMillis();
        boolean waitedFull = now - started >= settle.toMillis();
        for (Map.Entry<Path, Seen> e : watched.entrySet()) {
            Path path = e.getKey();
            Seen after;
            try {
                after = seen(path);
            } catch (IOException ex) {
                notTaken.add(skipped(inbox, path, STILL_COPYING + " (файл исчез или не читается: " + ex.getMessage() + ")"));
                continue;
            }
            boolean unchanged = after.equals(e.getValue());
            boolean oldEnough = now - after.modifiedMillis() >= settle.toMillis();
            if (unchanged && (oldEnough || waitedFull)) {
                taken.add(path);
            } else {
                notTaken.add(skipped(inbox, path, STILL_COPYING + " (размер или время изменения файла менялись в "
                        + "течение " + settle.toMillis() + " мс; когда копирование закончится, положите рядом пустой "
                        + "файл «" + path.getFileName() + DONE_SUFFIX + "» или дождитесь следующего запуска)"));
            }
        }
    }

    /** Null when the entry is a file to read; "" when it is silently not input (a folder); else the reason. */
    private static String refusal(Path path, Path realInbox) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            return LINK;
        }
        if (attrs.isDirectory()) {
            return "";
        }
        if (!attrs.isRegularFile()) {
            return SPECIAL;
        }
        Path real = path.toRealPath();
        if (!real.startsWith(realInbox) || real.equals(realInbox)) {
            return OUTSIDE;
        }
        return null;
    }

    static boolean isMarker(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(DONE_SUFFIX);
    }

    private static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + DONE_SUFFIX);
    }

    /**
     * A regular-file marker written no earlier than the file's last change: a marker left from an earlier version
     * does not vouch for a new copy being written over it.
     */
    private static boolean markedDone(Path file) {
        try {
            BasicFileAttributes m = Files.readAttributes(marker(file), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes f = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return m.isRegularFile() && m.lastModifiedTime().compareTo(f.lastModifiedTime()) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Seen seen(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Seen(a.size(), a.lastModifiedTime().toMillis());
    }

    private static String name(Path inbox, Path path) {
        return inbox.relativize(path).toString().replace('\\', '/');
    }

    private static LoadResult failed(Path inbox, Path path, String reason) {
        return new LoadResult(name(inbox, path), null, null, LoadResult.Status.FAILED, 0, 0, 0, reason);
    }

    private static LoadResult skipped(Path inbox, Path path, String reason) {
        return new LoadResult(name(inbox, path), null, null, LoadResult.Status.SKIPPED, 0, 0, 0, reason);
    }
}
