package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.etl.ingest.source.SourceFixtures.columns;
import static ru.orientir.etl.ingest.source.SourceFixtures.readAll;
import static ru.orientir.etl.ingest.source.SourceFixtures.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.source.SourceRecord;

class CsvSourceTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir
    Path dir;

    @Test
    void utf8WithoutBom() throws Exception {
        Path f = write(dir, "a.csv", "Код ОО;Название\n101;Школа №1\n102;Гимназия\n", StandardCharsets.UTF_8);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())) {
            assertEquals("CSV, кодировка UTF-8, разделитель «;»", s.describe());
            assertEquals(List.of("Код ОО", "Название"), s.header().names());
            assertEquals(1, s.headerLine());
            SourceRecord r = s.next();
            assertEquals(List.of("101", "Школа №1"), r.fields());
            assertEquals(2, r.line());
            assertNull(r.error());
            assertEquals("102;Гимназия", s.next().raw());
            assertNull(s.next());
        }
    }

    @Test
    void utf8WithBomIsStripped() throws Exception {
        byte[] body = "Отчёт\nКод ОО,Название\n101,Школа\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path f = write(dir, "bom.csv", bytes);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())) {
            assertEquals("CSV, кодировка UTF-8 (с BOM), разделитель «,»", s.describe());
            assertEquals("Код ОО", s.header().names().get(0));
            assertEquals("Отчёт", s.next().raw(), "the BOM is not part of the first record");
            assertEquals(List.of("101", "Школа"), s.next().fields());
        }
    }

    @Test
    void cp1251IsDetected() throws Exception {
        Path f = write(dir, "cp.csv", "Код ОО;Название;Балл\n101;Школа «Надежда»;12,5\n", CP1251);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Балл"), SourceOptions.defaults())) {
            assertEquals("CSV, кодировка windows-1251, разделитель «;»", s.describe());
            assertEquals(List.of("Код ОО", "Название", "Балл"), s.header().names());
            SourceRecord r = s.next();
            assertEquals(List.of("101", "Школа «Надежда»", "12,5"), r.fields(), "decimal comma kept as written");
            assertNull(r.error());
        }
    }

    @Test
    void oneInvalidByteInUtf8MarksOnlyItsRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Код ОО;Название\n101;Школа\n".getBytes(StandardCharsets.UTF_8));
        // the sample (first 1 MiB) must decide UTF-8, so the bad byte comes after it
        StringBuilder filler = new StringBuilder();
        int line = 3;
        while (filler.length() < RecordSources.SAMPLE_BYTES) {
            filler.append(line++).append(";Школа номер ").append(line).append('\n');
        }
        out.writeBytes(filler.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("999;Шк".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes("ола\n1000;Последняя\n".getBytes(StandardCharsets.UTF_8));
        Path f = write(dir, "bad.csv", out.toByteArray());
        List<SourceRecord> rs = readAll(f, columns("Код ОО"));
        List<SourceRecord> bad = rs.stream().filter(r -> r.error() != null).toList();
        assertEquals(1, bad.size());
        assertEquals("строка содержит байты, недопустимые в кодировке UTF-8", bad.get(0).error());
        assertTrue(bad.get(0).raw().startsWith("999;"));
        assertEquals(List.of("1000", "Последняя"), rs.get(rs.size() - 1).fields());
        assertNull(rs.get(rs.size() - 1).error());
    }

    @Test
    void invalidByteInTheSampleMeansWindows1251() throws Exception {
        byte[] bytes = "Код ОО;Название\n101;Школа\n".getBytes(CP1251);
        Path f = write(dir, "cp.csv", bytes);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())) {
            assertTrue(s.describe().contains("windows-1251"));
        }
    }

    @Test
    void utf16IsUnreadable() throws Exception {
        Path f = write(dir, "u16.csv", "\uFEFFКод ОО;Название\n101;Школа\n", StandardCharsets.UTF_16LE);
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        Path noBom = write(dir, "u16nobom.csv", "Код ОО;Название\n101;Школа\n", StandardCharsets.UTF_16LE);
        e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(noBom, columns("Код ОО"), SourceOptions.defaults()));
        assertTrue(e.getMessage().startsWith("файл не похож на текст CSV или книгу XLSX"), e.getMessage());
    }

    @Test
    void separatorsAreDetectedWithQuotedSeparatorsInside() throws Exception {
        String[][] cases = {
                {",", "school_id,name,score\n1,\"Школа, филиал\",12.5\n2,\"Гимназия \"\"Эрудит\"\"\",3\n"},
                {";", "school_id;name;score\n1;\"Школа; филиал, корпус 2\";12,5\n2;Гимназия;3,25\n"},
                {"\t", "school_id\tname\tscore\n1\t\"Школа\tфилиал, 2\"\t12,5\n2\tГимназия\t3\n"},
        };
        for (String[] c : cases) {
            Path f = write(dir, "sep.csv", c[1], StandardCharsets.UTF_8);
            try (RecordSource s = RecordSources.open(f, columns("school_id", "name"), SourceOptions.defaults())) {
                assertEquals(List.of("school_id", "name", "score"), s.header().names(), c[0]);
                List<SourceRecord> rs = readAll(s);
                assertEquals(2, rs.size());
                assertEquals(3, rs.get(0).fields().size(), c[0]);
                assertEquals(3, rs.get(1).fields().size(), c[0]);
                assertTrue(rs.get(0).fields().get(1).startsWith("Школа"));
                assertNull(rs.get(0).error());
                assertTrue(s.describe().endsWith(c[0].equals("\t") ? "табуляция" : "«" + c[0] + "»"), s.describe());
            }
        }
    }

    @Test
    void semicolonWinsOverDecimalCommasEvenWhenEveryRowHasThem() throws Exception {
        Path f = write(dir, "dec.csv", "Код ОО;Балл\n1;12,5\n2;3,5\n3;4,25\n", StandardCharsets.UTF_8);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())) {
            assertTrue(s.describe().endsWith("«;»"), s.describe());
        }
    }

    @Test
    void titleRowsAboveTheHeaderComeFirstAsRejectedRecords() throws Exception {
        String text = "Результаты ВПР 2024;;\nМуниципалитет: Энский район;;\n\nКод ОО;Название;Балл\n101;Школа;12,5\n";
        Path f = write(dir, "t.csv", text, CP1251);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Балл"), SourceOptions.defaults())) {
            assertEquals(4, s.headerLine());
            List<SourceRecord> rs = readAll(s);
            assertEquals(4, rs.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(RecordSources.TITLE_ROW_ERROR, rs.get(i).error());
                assertEquals(i + 1, rs.get(i).line());
            }
            assertEquals("Результаты ВПР 2024;;", rs.get(0).raw());
            assertNull(rs.get(3).error());
            assertEquals(5, rs.get(3).line());
        }
    }

    @Test
    void twoRowMergedHeaderIsCombined() throws Exception {
        String text = "Отчёт;;;;;\nКод ОО;Отметка;;;;Всего участников\n;2;3;4;5;\n101;1;2;3;4;10\n";
        Path f = write(dir, "m.csv", text, StandardCharsets.UTF_8);
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Отметка 2", "Отметка 5"), SourceOptions.defaults())) {
            assertEquals(List.of("Код ОО", "Отметка 2", "Отметка 3", "Отметка 4", "Отметка 5", "Всего участников"),
                    s.header().names());
            assertEquals(3, s.headerLine());
            List<SourceRecord> rs = readAll(s);
            assertEquals(2, rs.size(), "one title row, then data; neither header row is a record");
            assertEquals(RecordSources.TITLE_ROW_ERROR, rs.get(0).error());
            assertEquals(List.of("101", "1", "2", "3", "4", "10"), rs.get(1).fields());
        }
    }

    @Test
    void noHeaderInTheSearchWindowIsUnreadable() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("строка ").append(i).append(";x\n");
        }
        text.append("Код ОО;Название\n");
        Path f = write(dir, "late.csv", text.toString(), StandardCharsets.UTF_8);
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults()));
        assertEquals("не найдена строка заголовка в первых 30 строках", e.getMessage());
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), new SourceOptions(null, 50))) {
            assertEquals(41, s.headerLine());
        }
    }

    @Test
    void emptyFilesAreUnreadable() throws Exception {
        Path empty = write(dir, "empty.csv", new byte[0]);
        assertEquals("пустой файл", assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(empty, columns("x"), SourceOptions.defaults())).getMessage());
        Path blank = write(dir, "blank.csv", "\n\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(blank, columns("x"), SourceOptions.defaults())).getMessage().startsWith("пустой файл"));
    }

    @Test
    void binaryFormatsAreRefusedWithAClearMessage() throws Exception {
        byte[] xls = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, xls, 0, magic.length);
        Path f = write(dir, "old.xlsx", xls);
        assertTrue(assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("x"), SourceOptions.defaults())).getMessage()
                .startsWith("формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV"));

        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path z = write(dir, "data.csv", zipBytes.toByteArray());
        assertEquals("файл — ZIP-архив, но не книга Excel XLSX", assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(z, columns("x"), SourceOptions.defaults())).getMessage());

        Path bin = write(dir, "x.csv", new byte[] {'a', 'b', 0, 1, 2, '\n'});
        assertTrue(assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(bin, columns("x"), SourceOptions.defaults())).getMessage()
                .startsWith("файл не похож на текст CSV или книгу XLSX"));
    }

    @Test
    void parseErrorsAndBlankLinesAfterTheHeaderAreRecords() throws Exception {
        Path f = write(dir, "e.csv", "a,b\n1,2\n\n3,\"x\"y\n4,5", StandardCharsets.UTF_8);
        List<SourceRecord> rs = readAll(f, columns("a", "b"));
        assertEquals(4, rs.size());
        assertTrue(rs.get(1).isBlank());
        assertTrue(rs.get(2).error().contains("после закрывающей кавычки"));
        assertEquals(List.of("4", "5"), rs.get(3).fields());
    }

    @Test
    void aQuoteNeverClosedKeepsOnlyTheBeginningOfTheRestOfTheFile() throws Exception {
        StringBuilder text = new StringBuilder("Код ОО;Название\n1;ok\n2;\"Школа «Надежда\n");
        for (int i = 3; text.length() < 3 * CsvRecordSource.MAX_RECORD_CHARS; i++) {
            text.append(i).append(";Школа номер ").append(i).append('\n');
        }
        Path f = write(dir, "q.csv", text.toString(), StandardCharsets.UTF_8);
        List<SourceRecord> rs = readAll(f, columns("Код ОО"));
        assertEquals(2, rs.size(), "the rest of the file is one broken record, as before");
        SourceRecord broken = rs.get(1);
        assertTrue(broken.error().startsWith("незакрытая кавычка"), broken.error());
        assertTrue(broken.error().contains("сохранено только её начало"), broken.error());
        assertEquals(CsvRecordSource.MAX_RECORD_CHARS, broken.raw().length());
        assertTrue(broken.raw().startsWith("2;\"Школа «Надежда\n3;"));
    }

    @Test
    void theParsersRecordLimitLeavesOtherRecordsAlone() throws Exception {
        var parser = new ru.orientir.etl.ingest.source.CsvParser(
                new java.io.StringReader("a,b\n1,\"0123456789abcdef\"\n2,3\n"), ',', 10);
        assertEquals(List.of("a", "b"), parser.next().fields());
        SourceRecord longOne = parser.next();
        assertEquals("1,\"0123456", longOne.raw());
        assertTrue(longOne.error().startsWith("запись длиннее 10 символов"), longOne.error());
        SourceRecord after = parser.next();
        assertEquals(List.of("2", "3"), after.fields());
        assertEquals(3, after.line());
        assertNull(after.error());
        assertNull(parser.next());
    }

    @Test
    void reopeningAndSkippingGivesTheSameRecords() throws Exception {
        Path f = write(dir, "r.csv", "Заголовок\nКод ОО;Название\n1;a\n2;b\n3;c\n", StandardCharsets.UTF_8);
        List<SourceRecord> all = readAll(f, columns("Код ОО"));
        try (RecordSource s = RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults())) {
            s.next();
            s.next();
            assertEquals(all.get(2), s.next());
        }
    }
}
