package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * issue 17, item 6: the environment is read in one place only. The main sources of every module are scanned: only
 * the configuration package ({@link OrientirConfig}) calls {@code System.getenv}; the pipeline, the ingest job and the
 * dashboards take their settings from it. (bin/orientir and the shell scripts are not Java and not scanned; tests may
 * read the environment.)
 */
class EnvironmentReadOnceTest {
    private static final String CONFIG_PACKAGE = "jobs/src/main/java/ru/orientir/jobs/config/";

    @Test
    void onlyTheConfigurationReadsTheEnvironment() throws IOException {
        Path root = ShippedExamplesTest.root();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(f -> f.toString().replace('\\', '/').matches(".*/src/main/java/.*\\.java"))
                    .filter(f -> !f.toString().replace('\\', '/').contains("/target/"))
                    .toList();
        }
        assertTrue(sources.size() > 100, "the main sources of all modules are found under " + root + ": " + sources.size());
        List<String> readers = sources.stream()
                .filter(f -> read(f).matches("(?s).*\\bgetenv\\s*\\(.*"))
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .sorted()
                .toList();
        assertEquals(List.of(CONFIG_PACKAGE + "OrientirConfig.java"), readers,
                "System.getenv outside the configuration: take the value from OrientirConfig instead");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
