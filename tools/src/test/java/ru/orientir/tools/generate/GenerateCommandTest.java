package ru.orientir.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import ru.orientir.tools.cli.GenerateCommand;

/** {@code bin/orientir generate} as a user calls it: the new options and the row counts it prints. */
class GenerateCommandTest {

    @Test
    void writesTheFlavourAskedForAndPrintsRowsPerKind(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--schools", "30", "--years", "2", "--out", dir.toString(), "--seed", "3",
                "--format", "csv-ru", "--results", "aggregate");
        assertEquals(0, exit, out.toString());
        assertTrue(Files.exists(dir.resolve("results_agg_2024.csv")));
        assertFalse(Files.exists(dir.resolve("results_2024.csv")));
        String text = out.toString();
        assertTrue(text.contains("Синтетический регион: школ 30"), text);
        assertTrue(text.matches("(?s).*results_agg\\s+\\d+.*"), text);
        // 30 schools × 2 years, less the years a school is closed or not yet open (one closes, one opens).
        java.util.regex.Matcher context = java.util.regex.Pattern.compile("context\\s+(\\d+)\\n").matcher(text);
        assertTrue(context.find(), text);
        int rows = Integer.parseInt(context.group(1));
        assertTrue(rows >= 56 && rows < 60, text);
        assertTrue(text.matches("(?s).*staffing\\s+" + rows + "\\n.*"), text);
    }

    @Test
    void defaultsAreCsvWithStudentResults(@TempDir Path dir) throws Exception {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("--schools", "10", "--years", "1", "--out", dir.toString()));
        assertTrue(Files.readString(dir.resolve("results_2024.csv")).startsWith(GenerateInputsTest.RESULTS_HEADER + "\n"));
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path dir) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("--schools", "10", "--years", "1", "--out", dir.toString(), "--format", "ods");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("csv, csv-ru or xlsx"), err.toString());
        assertFalse(Files.exists(dir.resolve("schools.csv")));
    }
}
