package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.etl.ingest.source.SourceFixtures.columns;
import static ru.orientir.etl.ingest.source.SourceFixtures.readAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.source.SourceRecord;

/** Issue 12, items 13 and 14: NUL bytes anywhere in a CSV; XLSX without styles or shared strings; the strings cap. */
class HostileSourceTest {
    @TempDir
    Path dir;

    @Test
    void nulAfterTheFirst64KibQuarantinesItsRowNamingTheField() throws Exception {
        StringBuilder csv = new StringBuilder("Код ОО,Наименование\n");
        int i = 0;
        while (csv.length() < 200_000) {
            csv.append("S").append(i++).append(",Школа ").append(i).append('\n');
        }
        long lateLine = i + 2;
        csv.append("S-late,Шко\0ла\n").append("S-last,Последняя\n");
        Path f = Files.write(dir.resolve("late-nul.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        List<SourceRecord> records = readAll(f, columns("Код ОО", "Наименование"));
        SourceRecord bad = records.stream().filter(r -> r.fields().get(0).equals("S-late")).findFirst().orElseThrow();
        assertEquals(lateLine, bad.line());
        assertTrue(bad.error() != null && bad.error().contains("«Наименование»") && bad.error().contains("нулевой байт"),
                String.valueOf(bad.error()));
        assertTrue(bad.raw().indexOf('\0') < 0, "the raw text shows the NUL as ␀, so the quarantine can store it");
        assertNull(records.get(records.size() - 1).error(), "the rows after it still load");
        assertEquals(1, records.stream().filter(r -> r.error() != null).count());
    }

    @Test
    void aStrayNulNearTheStartIsARowNotABinaryFile() throws Exception {
        Path f = Files.write(dir.resolve("early-nul.csv"),
                "Код ОО,Наименование\nS1,Шко\0ла\nS2,Вторая\n".getBytes(StandardCharsets.UTF_8));
        List<SourceRecord> records = readAll(f, columns("Код ОО", "Наименование"));
        assertEquals(2, records.size());
        assertTrue(records.get(0).error().contains("«Наименование»"), records.get(0).error());
        assertNull(records.get(1).error());
    }

    @Test
    void aBinaryFileIsStillRefusedWhole() throws Exception {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i += 3) {
            bytes[i] = 'x';
        }
        Path f = Files.write(dir.resolve("blob.csv"), bytes);
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> RecordSources.open(f, columns("Код ОО"), SourceOptions.defaults()));
        assertTrue(e.getMessage().contains("управляющие байты"), e.getMessage());
    }

    @Test
    void workbookWithoutStylesAndSharedStringsLoads() throws Exception {
        Path f = MinimalXlsx.write(dir.resolve("libre.xlsx"), List.of(
                List.of("Код ОО", "Наименование"), List.of("S1", "Школа №1"), List.of("S2", "=HYPERLINK(\"http://x\")")),
                false, false);
        List<SourceRecord> records = readAll(f, columns("Код ОО", "Наименование"));
        assertEquals(2, records.size());
        assertEquals(List.of("S1", "Школа №1"), records.get(0).fields());
        assertEquals("=HYPERLINK(\"http://x\")", records.get(1).fields().get(1));
    }

    @Test
    void workbookWithSharedStringsButNoStylesLoads() throws Exception {
        Path f = MinimalXlsx.write(dir.resolve("nostyles.xlsx"), List.of(
                List.of("Код ОО", "Наименование"), List.of("S1", "Школа")), true, false);
        assertEquals(List.of("S1", "Школа"), readAll(f, columns("Код ОО", "Наименование")).get(0).fields());
    }

    @Test
    void sharedStringsBeyondTheCapFailThatFileWithAReason() throws Exception {
        Path f = MinimalXlsx.write(dir.resolve("big.xlsx"), List.of(
                List.of("Код ОО", "Наименование"), List.of("S1", "x".repeat(500))), true, true);
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> RecordSources.open(f,
                columns("Код ОО", "Наименование"), SourceOptions.defaults().withMaxSharedStringChars(200)));
        assertTrue(e.getMessage().contains("общих строк") && e.getMessage().contains("200"), e.getMessage());
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Наименование"),
                SourceOptions.defaults().withMaxSharedStringChars(10_000))) {
            assertEquals(1, readAll(s).size());
        }
    }
}
