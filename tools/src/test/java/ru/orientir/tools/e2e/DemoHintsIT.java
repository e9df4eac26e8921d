package ru.orientir.tools.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.warehouse.marts.Marts;

/**
 * A newcomer's first minutes: {@code bin/orientir demo} in a fresh ORIENTIR_HOME, then every command the demo
 * suggests, typed exactly as printed. Each must succeed and show the demo's data (not an empty or missing
 * warehouse), say on standard error that it shows the demo, and leave the default warehouse uncreated. A small
 * region keeps it quick.
 */
class DemoHintsIT {
    @TempDir
    Path home;

    @Test
    void everyCommandTheDemoSuggestsShowsTheDemosData() throws Exception {
        OrientirCli cli = new OrientirCli(Map.of("ORIENTIR_HOME", home.toString()));
        OrientirCli.Result demo = cli.run("demo", "--schools", "30", "--years", "2");
        assertEquals(0, demo.exitCode(), demo.stdout() + demo.stderr());

        List<String> hints = demo.stdout().lines().filter(l -> l.startsWith("  $ ")).map(l -> l.substring(4)).toList();
        assertEquals(4, hints.size(), "status, export, report and dashboards bundle:\n" + demo.stdout());
        List<String> ran = new ArrayList<>();
        for (String hint : hints) {
            List<String> words = shellWords(hint);
            Map<String, String> env = new HashMap<>(Map.of("ORIENTIR_HOME", home.toString()));
            while (words.get(0).matches("[A-Z_]+=.*")) {   // VAR=value before the command
                String assignment = words.remove(0);
                env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            }
            assertEquals("bin/orientir", words.get(0), hint);
            assertEquals(1, env.size(), "a fresh home needs no variable for the demo's data: " + hint);
            OrientirCli.Result r = new OrientirCli(env).run(words.subList(1, words.size()).toArray(String[]::new));
            assertEquals(0, r.exitCode(), hint + "\n" + r.stdout() + r.stderr());
            assertTrue(r.stderr().contains("Показаны данные демонстрации (" + home.resolve("demo") + ")"), hint + "\n" + r.stderr());
            String command = words.get(1);
            ran.add(command);
            switch (command) {
                case "status" -> {
                    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("  run-") && l.contains("успешно")), r.stdout());
                    assertTrue(r.stdout().contains("запущен: демонстрацией"), r.stdout());
                    assertTrue(r.stdout().contains("загружен"), r.stdout());
                }
                case "export" -> {
                    List<String> lines = r.stdout().lines().toList();
                    assertEquals(String.join(",", Marts.find(words.get(2)).orElseThrow().columns()), lines.get(0));
                    assertTrue(lines.stream().skip(1).anyMatch(l -> l.startsWith("region,")), r.stdout());
                    assertTrue(lines.size() > 3, "the demo's rows: " + r.stdout());
                }
                case "report" -> {
                    Path out = Path.of(words.get(words.indexOf("--out") + 1));
                    assertTrue(Files.size(out) > 1000, out.toString());
                    assertTrue(r.stdout().startsWith("Справка: " + words.get(words.indexOf("--municipality") + 1)), r.stdout());
                    assertFalse(r.stdout().contains("школ 0"), r.stdout());
                    // issue 15: the draft plan beside the brief, one measure per row under the contract's header
                    Path plan = Path.of(words.get(words.indexOf("--plan") + 1));
                    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(plan))) {
                        assertEquals("мероприятие", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
                        assertTrue(book.getSheetAt(0).getLastRowNum() > 0, "the plan has measures");
                    }
                    assertTrue(r.stdout().contains("проект плана записан в " + plan), r.stdout());
                }
                case "dashboards" -> {
                    Path out = Path.of(words.get(words.indexOf("--out") + 1));
                    try (ZipFile zip = new ZipFile(out.toFile())) {
                        assertTrue(zip.stream().anyMatch(e -> e.getName().contains("dashboards/")), out.toString());
                    }
                }
                default -> throw new AssertionError("the demo suggests a command this test does not check: " + hint);
            }
        }
        assertEquals(List.of("status", "export", "report", "dashboards"), ran);
        // Reading never creates the default warehouse, so a later `run` still starts the user's own.
        assertFalse(Files.exists(home.resolve("warehouse.duckdb")));
    }

    /** The words of a command line as a POSIX shell splits them: blanks, 'single' and "double" quotes, \ escapes. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
