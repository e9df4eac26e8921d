package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;

/**
 * The files regions actually send, broken the ways they actually break. Each file has its expected outcome: loaded
 * with these rows quarantined for these reasons, or failed with this message. All are loaded in one run, so one bad
 * file never stops the others.
 */
class BadFileCorpusTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir
    static Path dir;
    static IngestFixture f;
    static Map<String, LoadResult> results;

    @BeforeAll
    static void loadTheCorpus() throws Exception {
        f = new IngestFixture(dir);
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS2,Школа 2,Юг\nS3,Школа 3,Юг\n");

        // windows-1251, ';', decimal commas, Russian headers, a title row and a totals row
        Files.write(f.inbox.resolve("agg_rcoi.csv"), ("""
                Результаты ЕГЭ по школам, 2024 год;;;;;;;;;;;
                год;процедура;класс;предмет;код ОО;участников;отметка 2;отметка 3;отметка 4;отметка 5;ниже минимума;средний балл
                2024;ЕГЭ;11;русский язык;S1;20;2;8;6;4;2;61,5
                2024;ЕГЭ;11;русский язык;S2;10;0;5;3;2;0;70,25
                Итого;;;;;30;2;13;9;6;2;
                """).getBytes(CP1251));
        // UTF-8 with BOM, tab-separated staffing with a wrong type and an unknown school
        Files.write(f.inbox.resolve("staff.tsv"), ("\uFEFF" + """
                год\tкод ОО\tпедагогических работников\tучителей\tсредняя нагрузка\tсмена руководителя
                2024\tS1\t30\t25\t24,5\tнет
                2024\tS2\tтридцать\t25\t20\tда
                2024\tS9\t10\t8\t20\tнет
                """).getBytes(StandardCharsets.UTF_8));
        // broken quoting and a field too many
        f.write("list_quotes.csv", "list_year,school_id,reason\n2024,S1,\"НОР\n2024,S2,НОР,лишнее\n");
        // one invalid byte in an otherwise UTF-8 file
        byte[] ctx = ("year,school_id,ovz_share,internet\n2024,S1,0.1,стабильный\n2024,S2,0.2,нет\n2024,S3,0.3,XX\n")
                .getBytes(StandardCharsets.UTF_8);
        int at = indexOf(ctx, "XX".getBytes(StandardCharsets.UTF_8));
        ctx[at] = (byte) 0xFF;
        Files.write(f.inbox.resolve("context_badbyte.csv"), ctx);
        // XLSX: title rows, a two-row header with a merged «Отметка», a totals row
        writeXlsx(f.inbox.resolve("agg_2024.xlsx"));
        // the same workbook cut short
        byte[] whole = Files.readAllBytes(f.inbox.resolve("agg_2024.xlsx"));
        Files.write(f.inbox.resolve("agg_cut.xlsx"), Arrays.copyOf(whole, whole.length * 2 / 3));
        // UTF-16
        Files.write(f.inbox.resolve("utf16.csv"), "school_id,name,municipality\nS5,x,y\n".getBytes(StandardCharsets.UTF_16));

        results = new FileIngestor(f.warehouse, f.batch, new IngestJobConfiguration(f.batch, ChunkObserver.NONE,
                new IngestSettings(ColumnAliases.builtIn(), null, "k-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8))), "corpus")
                .ingest(f.inbox).stream().collect(Collectors.toMap(LoadResult::file, r -> r));
    }

    private static Map<Long, String> reasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    private static void assertLoad(String file, long read, long loaded, long quarantined) {
        LoadResult r = results.get(file);
        assertEquals(LoadResult.Status.LOADED, r.status(), file + ": " + r.message());
        assertEquals(List.of(read, loaded, quarantined), List.of(r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined()), file);
    }

    @Test
    void cp1251SemicolonsDecimalCommasTitleAndTotalsRows() throws Exception {
        assertLoad("agg_rcoi.csv", 4, 2, 2);
        Map<Long, String> q = reasons("agg_rcoi.csv");
        assertTrue(q.get(1L).startsWith("строка над заголовком таблицы"), q.toString());
        assertEquals("строка итогов («Итого») — не данные", q.get(5L));
        assertEquals(List.of(List.of("61.5"), List.of("70.25")),
                f.rows("SELECT CAST(mean_score AS VARCHAR) FROM stg_exam_aggregates WHERE procedure = 'ЕГЭ' ORDER BY school_id"));
    }

    @Test
    void tabsBomWrongTypesAndUnknownSchools() throws Exception {
        assertLoad("staff.tsv", 3, 1, 2);
        Map<Long, String> q = reasons("staff.tsv");
        assertEquals("поле «педагогических работников»: «тридцать» — не целое число (ожидается 0–100000)", q.get(3L));
        assertTrue(q.get(4L).startsWith("поле «код ОО»: код ОО «S9» не найден в справочнике школ"), q.get(4L));
    }

    @Test
    void brokenQuotingIsQuarantinedWhole() throws Exception {
        assertLoad("list_quotes.csv", 1, 0, 1);
        assertTrue(reasons("list_quotes.csv").get(2L).startsWith("незакрытая кавычка"), reasons("list_quotes.csv").toString());
    }

    @Test
    void anInvalidByteQuarantinesOnlyItsRow() throws Exception {
        assertLoad("context_badbyte.csv", 3, 2, 1);
        assertEquals("строка содержит байты, недопустимые в кодировке UTF-8", reasons("context_badbyte.csv").get(4L));
    }

    @Test
    void xlsxWithTitleRowsMergedHeaderAndTotals() throws Exception {
        assertLoad("agg_2024.xlsx", 5, 2, 3);
        Map<Long, String> q = reasons("agg_2024.xlsx");
        assertTrue(q.get(1L).startsWith("строка над заголовком таблицы"), q.toString());
        assertEquals("поле «участников»: 10 — не равно сумме отметок 2–5 (4)", q.get(7L));
        assertTrue(q.get(8L).startsWith("строка итогов"), q.toString());
        assertEquals(List.of(List.of("S3", "ОГЭ", "12", "3")),
                f.rows("SELECT school_id, procedure, CAST(participants AS VARCHAR), CAST(mark5 AS VARCHAR) "
                        + "FROM stg_exam_aggregates WHERE school_id = 'S3'"));
    }

    @Test
    void unreadableFilesFailAloneWithAClearMessage() {
        assertEquals(LoadResult.Status.FAILED, results.get("agg_cut.xlsx").status());
        assertTrue(results.get("agg_cut.xlsx").message().contains("повреждён или обрезан"), results.get("agg_cut.xlsx").message());
        assertEquals(LoadResult.Status.FAILED, results.get("utf16.csv").status());
        assertTrue(results.get("utf16.csv").message().contains("UTF-16"), results.get("utf16.csv").message());
        assertEquals(LoadResult.Status.LOADED, results.get("schools.csv").status());
    }

    private static void writeXlsx(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Результаты");
            sheet.createRow(0).createCell(0).setCellValue("Результаты ОГЭ по школам, 2024 год");
            String[] top = {"год", "процедура", "класс", "предмет", "код ОО", "участников", "Отметка", "", "", ""};
            String[] sub = {"", "", "", "", "", "", "2", "3", "4", "5"};
            Row r2 = sheet.createRow(2);
            Row r3 = sheet.createRow(3);
            for (int i = 0; i < top.length; i++) {
                r2.createCell(i).setCellValue(top[i]);
                r3.createCell(i).setCellValue(sub[i]);
            }
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 6, 9));
            Object[][] rows = {
                    {2024, "ОГЭ", 9, "математика", "S3", 12, 1, 4, 4, 3},
                    {2024, "ОГЭ", 9, "математика", "S1", 10, 5, 5, 0, 0},
                    {2024, "ОГЭ", 9, "математика", "S2", 10, 1, 1, 1, 1},
                    {"Итого", "", "", "", "", 32, 7, 10, 5, 4}};
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(4 + i);
                for (int c = 0; c < rows[i].length; c++) {
                    if (rows[i][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue((String) rows[i][c]);
                    }
                }
            }
            wb.write(out);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
