package ru.orientir.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run folders ({@code $ORIENTIR_HOME/runs/<run_id>}: a run's staging snapshot and marts as Parquet) are kept for
 * the last {@code pipeline.keep-runs} runs, newest first by modification time, and always for a run that can still be
 * resumed; older ones are deleted after each run, so the home folder does not grow night after night.
 */
final class RunFolders {
    private static final Logger log = LoggerFactory.getLogger(RunFolders.class);

    private RunFolders() {
    }

    /** Deletes all but the newest {@code keep} run folders under {@code runs}, never {@code protectedRun}; returns them. */
    static List<Path> prune(Path runs, int keep, String protectedRun) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return deleted;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(runs)) {
            folders = list.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(RunFolders::modified).reversed().thenComparing(Comparator.reverseOrder()))
                    .toList();
        } catch (IOException e) {
            log.warn("Run folders under {} not pruned: {}", runs, e.getMessage());
            return deleted;
        }
        int kept = 0;
        for (Path folder : folders) {
            if (folder.getFileName().toString().equals(protectedRun)) {
                continue;
            }
            if (kept < keep) {
                kept++;
                continue;
            }
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                deleted.add(folder);
            } catch (IOException e) {
                log.warn("Run folder {} not deleted: {}", folder, e.getMessage());
            }
        }
        return deleted;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
