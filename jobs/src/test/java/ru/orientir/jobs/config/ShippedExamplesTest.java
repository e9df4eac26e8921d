package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every orientir.yml example the repository ships loads without error: the {@code yaml} blocks and the inline
 * {@code section: {…}} snippets of every Markdown file (README, docs/methodology.md, the modules' READMEs), and any
 * {@code orientir*.yml} file (a block that names another file on its first line, or is a Compose file, is left out).
 * And every key the README's configuration tables name is a valid key, and every valid key
 * is in those tables.
 */
class ShippedExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile(
            "`((?:home|warehouse|batch|pipeline|schedule|alert|ingest|analytics): \\{[^`]*})`");

    @TempDir
    Path dir;

    /** The repository: the nearest folder up from the module's with the parent pom and the jobs module. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("jobs/src"))) {
                return p;
            }
        }
        throw new IllegalStateException("the repository root is not above " + Path.of("").toAbsolutePath());
    }

    record Example(String where, String yaml) {
    }

    static List<Example> examples() throws IOException {
        Path root = root();
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(ShippedExamplesTest::shipped).sorted().toList()) {
                String name = f.getFileName().toString();
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String where = root.relativize(f).toString();
                if (name.endsWith(".md")) {
                    Matcher block = BLOCK.matcher(text);
                    while (block.find()) {
                        String line = where + ":" + (text.substring(0, block.start()).split("\n", -1).length);
                        if (!otherFile(block.group(1))) {
                            examples.add(new Example(line, block.group(1)));
                        }
                    }
                    Matcher inline = INLINE.matcher(text);
                    while (inline.find()) {
                        String line = where + ":" + (text.substring(0, inline.start()).split("\n", -1).length);
                        examples.add(new Example(line, inline.group(1) + "\n"));
                    }
                } else {
                    examples.add(new Example(where, text));
                }
            }
        }
        return examples;
    }

    /**
     * A YAML block that is not orientir.yml: one whose first line names another file ({@code # docker-compose.yml}),
     * or a Compose file ({@code services:} at the top).
     */
    static boolean otherFile(String yaml) {
        String first = yaml.lines().findFirst().orElse("").strip();
        boolean namesAnother = first.matches("#\\s*\\S+\\.ya?ml\\b.*") && !first.matches("#\\s*orientir[^ ]*\\.ya?ml\\b.*");
        return namesAnother || yaml.lines().anyMatch(l -> l.startsWith("services:"));
    }

    @Test
    void onlyOtherFilesAreLeftOut() {
        assertTrue(otherFile("# docker-compose.yml\nservices:\n  x: {}\n"));
        assertTrue(otherFile("services:\n  orientir: {image: x}\n"));
        assertFalse(otherFile("# orientir.yml\nwarehose: {}\n"), "a misspelt orientir.yml example is still checked");
        assertFalse(otherFile("analytics:\n  markers: {share: 0.3}\n"));
    }

    private static boolean shipped(Path f) {
        String path = f.toString().replace('\\', '/');
        if (path.contains("/target/") || path.contains("/.git/") || path.contains("/node_modules/") || !Files.isRegularFile(f)) {
            return false;
        }
        String name = f.getFileName().toString();
        return name.endsWith(".md") || (name.startsWith("orientir") && (name.endsWith(".yml") || name.endsWith(".yaml")));
    }

    @Test
    void everyShippedExampleLoads() throws Exception {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 5, "the README's and docs/methodology.md's examples are found: " + examples);
        List<String> failures = new ArrayList<>();
        for (Example e : examples) {
            Path yml = Files.writeString(dir.resolve("example.yml"), e.yaml(), StandardCharsets.UTF_8);
            try {
                OrientirConfig.load(Map.of("ORIENTIR_CONFIG", yml.toString(), "ORIENTIR_HOME", dir.toString()));
            } catch (ConfigException ex) {
                failures.add(e.where() + ": " + ex.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail("shipped orientir.yml examples that do not load:\n" + String.join("\n", failures));
        }
    }

    /** The README's tables of settings (column «orientir.yml») name exactly the valid keys. */
    @Test
    void theReadmeDocumentsExactlyTheValidKeys() throws Exception {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        TreeSet<String> documented = new TreeSet<>();
        Pattern row = Pattern.compile("(?m)^\\|[^|\\n]*\\|\\s*`([a-z][a-z0-9.*-]*)`\\s*\\|");
        Matcher m = row.matcher(readme);
        while (m.find()) {
            if (!m.group(1).endsWith(".yml")) { // the tables' header: | variable | `orientir.yml` | …
                documented.add(m.group(1));
            }
        }
        assertFalse(documented.isEmpty(), "the README's configuration tables are found");
        TreeSet<String> valid = new TreeSet<>();
        for (String key : ConfigFileTest.keys(ConfigFile.class, "")) {
            // a list's or a map's keys are documented with the list or map; the analytics section as analytics.*
            String documentedAs = key.replaceAll("\\[]\\..*$", "").replaceAll("\\.<[^>]+>$", "");
            valid.add(documentedAs.equals("analytics") ? "analytics.*" : documentedAs);
        }
        assertEquals(valid, documented);
    }
}
