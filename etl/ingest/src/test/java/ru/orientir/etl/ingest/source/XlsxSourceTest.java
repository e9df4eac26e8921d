package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.etl.ingest.source.SourceFixtures.columns;
import static ru.orientir.etl.ingest.source.SourceFixtures.readAll;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.source.SourceRecord;

class XlsxSourceTest {
    @TempDir
    Path dir;

    private Path save(Workbook wb, String name) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        }
        wb.close();
        return f;
    }

    /** Results: title row 1 (merged A1:F1), blank row 2, header rows 3–4 with merged cells, data from row 5. */
    private Path resultsWorkbook() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Пояснения").createRow(0).createCell(0).setCellValue("Этот лист — не данные");
        Sheet s = wb.createSheet("Результаты");
        s.createRow(0).createCell(0).setCellValue("Результаты ВПР, 2024 год");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        s.createRow(1); // present but empty
        Row h1 = s.createRow(2);
        h1.createCell(0).setCellValue("Код ОО");
        h1.createCell(1).setCellValue("Отметка");
        h1.createCell(5).setCellValue("Дата");
        Row h2 = s.createRow(3);
        for (int m = 2; m <= 5; m++) {
            h2.createCell(m - 1).setCellValue(m); // numeric sub-headers 2..5 read as "2".."5"
        }
        s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0)); // «Код ОО» over both rows
        s.addMergedRegion(new CellRangeAddress(2, 2, 1, 4)); // «Отметка» over 2..5
        s.addMergedRegion(new CellRangeAddress(2, 3, 5, 5));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
        Row d = s.createRow(4);
        d.createCell(0).setCellValue("0101"); // a text code keeps its leading zero
        d.createCell(1).setCellValue(5.0);
        d.createCell(2).setCellValue(0.25);
        d.createCell(3).setCellValue(1.0E-4);
        d.createCell(4).setCellFormula("B5*2+C5");
        var dc = d.createCell(5);
        dc.setCellValue(LocalDate.of(2024, 4, 17));
        dc.setCellStyle(date);
        Row e = s.createRow(5);
        e.createCell(0).setCellValue("Школа, \"Надежда\"");
        e.createCell(1).setCellValue(true);
        e.createCell(3).setCellValue(12.300000000000001);
        e.createCell(4).setCellFormula("A6&\"!\"");
        // row 7 absent; row 8 has a cell beyond the header
        Row g = s.createRow(7);
        g.createCell(0).setCellValue("0102");
        g.createCell(7).setCellValue("лишнее");
        s.createRow(8).createCell(2).setCellValue("");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // cached formula values, as Excel saves them
        return save(wb, "results.xlsx");
    }

    @Test
    void namedSheetWithTitleAndTwoRowMergedHeader() throws Exception {
        Path f = resultsWorkbook();
        var isHeader = columns("Код ОО", "Отметка 2", "Отметка 5");
        try (RecordSource s = RecordSources.open(f, isHeader, SourceOptions.defaults().withSheet("Результаты"))) {
            assertEquals("XLSX, лист «Результаты»", s.describe());
            assertEquals(List.of("Код ОО", "Отметка 2", "Отметка 3", "Отметка 4", "Отметка 5", "Дата"), s.header().names());
            assertEquals(4, s.headerLine());
            List<SourceRecord> rs = readAll(s);
            assertEquals(6, rs.size());

            assertEquals(1, rs.get(0).line());
            assertEquals(RecordSources.TITLE_ROW_ERROR, rs.get(0).error());
            assertEquals(List.of("Результаты ВПР, 2024 год"), rs.get(0).fields());
            assertEquals("\"Результаты ВПР, 2024 год\"", rs.get(0).raw());
            assertEquals(2, rs.get(1).line());
            assertEquals(RecordSources.TITLE_ROW_ERROR, rs.get(1).error());

            SourceRecord d = rs.get(2);
            assertEquals(5, d.line());
            assertNull(d.error());
            assertEquals(List.of("0101", "5", "0.25", "0.0001", "10.25", "2024-04-17"), d.fields());
            assertEquals("0101,5,0.25,0.0001,10.25,2024-04-17", d.raw());

            SourceRecord e = rs.get(3);
            assertEquals(6, e.line());
            assertEquals(List.of("Школа, \"Надежда\"", "true", "", "12.3", "Школа, \"Надежда\"!", ""), e.fields());
            assertEquals("\"Школа, \"\"Надежда\"\"\",true,,12.3,\"Школа, \"\"Надежда\"\"!\",", e.raw());

            SourceRecord g = rs.get(4);
            assertEquals(8, g.line(), "Excel row numbers; a row never filled is not a record");
            assertEquals(List.of("0102", "", "", "", "", "", "", "лишнее"), g.fields(), "extra non-empty cells kept");

            assertEquals(9, rs.get(5).line());
            assertTrue(rs.get(5).isBlank(), "a row without values is blank, like an empty CSV line");
        }
    }

    @Test
    void firstSheetByDefaultAndMissingSheetListsTheSheets() throws Exception {
        Path f = resultsWorkbook();
        try (RecordSource s = RecordSources.open(f, cells -> cells.contains("Этот лист — не данные"), SourceOptions.defaults())) {
            assertEquals("XLSX, лист «Пояснения»", s.describe());
            assertNull(s.next());
        }
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults().withSheet("Итоги")));
        assertEquals("в книге нет листа «Итоги»; листы книги: «Пояснения», «Результаты»", e.getMessage());
    }

    @Test
    void singleRowHeaderWithSharedStringsAndPadding() throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 100, false, true); // shared strings table
        Sheet s = wb.createSheet("Лист1");
        Row h = s.createRow(0);
        String[] names = {"school_id", "name", "municipality"};
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
        Row r = s.createRow(1);
        r.createCell(0).setCellValue(101);
        r.createCell(1).setCellValue("Школа");
        Path f = save(wb, "s.xlsx");
        try (RecordSource src = RecordSources.open(f, columns("school_id", "name"), SourceOptions.defaults())) {
            assertEquals(Arrays.asList(names), src.header().names());
            assertEquals(1, src.headerLine());
            SourceRecord rec = src.next();
            assertEquals(List.of("101", "Школа", ""), rec.fields(), "missing cells are empty, padded to the header");
            assertNull(src.next());
        }
    }

    @Test
    void truncatedWorkbookIsUnreadable() throws Exception {
        byte[] bytes = Files.readAllBytes(resultsWorkbook());
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(cut, columns("Код ОО"), SourceOptions.defaults()));
        assertTrue(e.getMessage().startsWith("файл XLSX повреждён или обрезан: "), e.getMessage());
    }

    @Test
    void damageInsideTheSheetIsReportedNotSwallowed() throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        Sheet s = wb.createSheet("Данные");
        s.createRow(0).createCell(0).setCellValue("Код ОО");
        for (int r = 1; r < 20_000; r++) {
            Row row = s.createRow(r);
            row.createCell(0).setCellValue("Школа номер " + r * 7919 % 100_003);
            row.createCell(1).setCellValue(r * 0.37);
        }
        byte[] bytes = Files.readAllBytes(save(wb, "ok.xlsx"));
        // the sheet is the largest entry: garble a run of its compressed bytes, keeping the ZIP directory intact
        int sheetAt = indexOf(bytes, "xl/worksheets/sheet1.xml".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = sheetAt + 20_000; i < sheetAt + 20_400; i++) {
            bytes[i] = (byte) (bytes[i] * 31 + 7);
        }
        Path damaged = Files.write(dir.resolve("damaged.xlsx"), bytes);
        String message;
        try (RecordSource src = RecordSources.open(damaged, columns("Код ОО"), SourceOptions.defaults())) {
            IOException e = assertThrows(IOException.class, () -> readAll(src));
            message = e.getMessage();
        } catch (UnreadableFileException e) {
            message = e.getMessage(); // found by the first pass (merged cells) already
        }
        assertTrue(message.startsWith("файл XLSX повреждён или обрезан: "), message);
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
        throw new AssertionError("not found");
    }

    @Test
    void noHeaderInTheSheet() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Данные").createRow(0).createCell(0).setCellValue("что-то другое");
        Path f = save(wb, "n.xlsx");
        assertEquals("не найдена строка заголовка в первых 30 строках", assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())).getMessage());
        XSSFWorkbook empty = new XSSFWorkbook();
        empty.createSheet("Пусто");
        Path e = save(empty, "e.xlsx");
        assertEquals("лист «Пусто» пуст", assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(e, columns("Код ОО"), SourceOptions.defaults())).getMessage());
    }

    @Test
    void numbersAreRenderedPlain() {
        assertEquals("5", SheetRows.number("5.0"));
        assertEquals("0.25", SheetRows.number("0.25"));
        assertEquals("0.0001", SheetRows.number("1.0E-4"));
        assertEquals("12.3", SheetRows.number("12.300000000000001"));
        assertEquals("-3", SheetRows.number("-3"));
        assertEquals("1230000000000000000000", SheetRows.number("1.23E21"));
        assertEquals("0", SheetRows.number("0.0"));
        assertEquals(27, SheetRows.column("AB12"));
    }
}
