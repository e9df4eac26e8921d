package ru.orientir.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.e2e.OrientirCli;

/**
 * Issue 15: a municipal coordinator's whole loop as the README tells it, through {@code bin/orientir} on the embedded
 * warehouse: the brief of list year L with its problems and the draft plan as XLSX; the plan filled in (statuses,
 * actual values, one status misspelt) and returned to the inbox; the run that loads it (the misspelt row quarantined
 * with its Russian reason, the others loaded), the plan's fulfilment as the dashboard's view reads it, the measures'
 * effect estimated; and the brief of list year L + 1 that reports the plan and judges its measures.
 */
class ManagementCycleIT {

    @TempDir
    Path tmp;

    @Test
    void theCoordinatorsLoopFromBriefToPlanToNextYearsBrief() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path config = Files.writeString(tmp.resolve("orientir.yml"), "ingest: {settle-seconds: 0}\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(Map.of("ORIENTIR_HOME", tmp.resolve("home").toString(),
                "ORIENTIR_CONFIG", config.toString(), "ORIENTIR_PIPELINE_RETRIES", "0"));
        OrientirCli cli = new OrientirCli(env);
        OrientirCli.Result generated = cli.run("generate", "--schools", "60", "--years", "4", "--results", "aggregate",
                "--out", inbox.toString(), "--seed", "15");
        assertEquals(0, generated.exitCode(), generated.stdout() + generated.stderr());
        List<Integer> listYears;
        try (Stream<Path> files = Files.list(inbox)) {
            listYears = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("official_list_"))
                    .map(n -> Integer.valueOf(n.replaceAll("\\D", ""))).sorted().toList();
        }
        int planYear = listYears.get(listYears.size() - 2);
        // The coordinator's own plan of year L stands for the generated plans of that year.
        Files.delete(inbox.resolve("municipal_plan_" + planYear + ".csv"));
        OrientirCli.Result first = cli.run("run", "--inbox", inbox.toString());
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());

        // 1. The brief of list year L with its problems and measures, and the draft plan.
        String municipality;
        Path home = tmp.resolve("home");
        try (Connection c = readOnly(home); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT municipality FROM school_status WHERE list_year = " + planYear
                     + " GROUP BY municipality ORDER BY SUM(CASE WHEN on_list THEN 1 ELSE 0 END) DESC, municipality "
                     + "LIMIT 1")) {
            rs.next();
            municipality = rs.getString(1);
        }
        Path brief = tmp.resolve("справка.docx");
        Path plan = tmp.resolve("план.xlsx");
        OrientirCli.Result report = cli.run("report", "--municipality", municipality, "--list-year",
                String.valueOf(planYear), "--out", brief.toString(), "--plan", plan.toString());
        assertEquals(0, report.exitCode(), report.stdout() + report.stderr());
        assertTrue(report.stdout().contains("проект плана записан в " + plan.toAbsolutePath()), report.stdout());
        String text = paragraphs(brief);
        assertTrue(text.contains("8. Выявленные проблемы") && text.contains("9. Цели и меры"), text);

        // 2. The plan edited and returned: the first half of the measures done with an actual value, the rest in
        // progress, and one status written as the municipality might («сделано»).
        int measures;
        try (InputStream in = Files.newInputStream(plan); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            measures = sheet.getLastRowNum();
            assertTrue(measures >= 4, "a plan with several measures: " + measures);
            for (int r = 1; r <= measures; r++) {
                Row row = sheet.getRow(r);
                row.getCell(4).setCellValue("Петрова А. А.");
                boolean done = r <= measures / 2;
                row.getCell(8).setCellValue(done ? "выполнено" : "в работе");
                if (done && row.getCell(7) != null && row.getCell(7).getCellType()
                        == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    row.getCell(9).setCellValue(row.getCell(7).getNumericCellValue());
                }
            }
            sheet.getRow(measures).getCell(8).setCellValue("сделано");
            try (OutputStream out = Files.newOutputStream(inbox.resolve("план_" + planYear + ".xlsx"))) {
                book.write(out);
            }
        }
        OrientirCli.Result second = cli.run("run", "--inbox", inbox.toString());
        assertEquals(0, second.exitCode(), second.stdout() + second.stderr());
        assertTrue(second.stdout().contains("план_" + planYear + ".xlsx (план мероприятий муниципалитета): прочитано "
                + measures + ", загружено " + (measures - 1) + ", в карантине 1"), second.stdout());
        OrientirCli.Result quarantine = cli.run("export", "quarantine", "--format", "csv");
        assertTrue(quarantine.stdout().contains("поле «статус»: «сделано» — ожидается «выполнено», «в работе» или "
                + "«не начато»"), quarantine.stdout());

        // 3. The fulfilment as the dashboard «Дорожная карта: исполнение» reads it (v_plan, v_plan_schools).
        try (Connection c = readOnly(home); Statement s = c.createStatement()) {
            Map<String, Long> states = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM v_plan WHERE municipality = '"
                    + municipality.replace("'", "''") + "' AND list_year = " + planYear + " GROUP BY state")) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertEquals((long) measures / 2, states.get("выполнено"), states.toString());
            assertEquals(measures - 1, states.values().stream().mapToLong(Long::longValue).sum(), states.toString());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT school_id) FROM v_plan_schools WHERE "
                    + "municipality = '" + municipality.replace("'", "''") + "' AND list_year = " + planYear)) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the plan's schools");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM measure_effects WHERE list_year = " + planYear)) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the returned plan's measures are judged");
            }
        }

        // 4. The next year's brief reports the plan and judges its measures.
        Path next = tmp.resolve("справка-" + (planYear + 1) + ".docx");
        OrientirCli.Result nextReport = cli.run("report", "--municipality", municipality, "--list-year",
                String.valueOf(planYear + 1), "--out", next.toString());
        assertEquals(0, nextReport.exitCode(), nextReport.stdout() + nextReport.stderr());
        String judged = paragraphs(next);
        assertTrue(judged.contains("10. Исполнение плана мероприятий"), judged);
        assertTrue(judged.contains("Мер в плане — " + (measures - 1) + ": выполнено " + measures / 2), judged);
        assertTrue(judged.contains("11. Эффективность принятых мер"), judged);
        assertTrue(judged.contains("Для каждого трека и типа меры плана " + planYear + " года"), judged);
        List<String> effectRows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(next); XWPFDocument doc = new XWPFDocument(in)) {
            doc.getTables().stream().filter(t -> t.getRow(0).getCell(t.getRow(0).getTableCells().size() - 1).getText()
                    .equals("Как читать")).findFirst().orElseThrow().getRows().stream().skip(1)
                    .forEach(r -> effectRows.add(r.getTableCells().stream().map(c -> c.getText())
                            .collect(Collectors.joining(" | "))));
        }
        assertTrue(!effectRows.isEmpty(), "the effects' table has rows");
    }

    private static String paragraphs(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private static Connection readOnly(Path home) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), p);
    }
}
