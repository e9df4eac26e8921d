package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: its exact text, and that the ingest's parser reads back every field it writes. */
class CsvFormatTest {
    /** Everything that needs care: separators of both flavours, quotes, every line break, Cyrillic, formula starts. */
    private static final List<List<String>> HOSTILE = List.of(
            List.of("school_id", "name", "note"),
            List.of("550001", "МБОУ «СОШ № 3», г. Омск", "НОР;ВПР"),
            List.of("550002", "МКОУ \"Ивановская ООШ\"", "\"\""),
            List.of("550003", "первая строка\nвторая", "a\r\nb\rc"),
            List.of("=1+1", "+7 (3812) 00-00-00", "-0.53"),
            List.of("@SUM(A1)", "=HYPERLINK(\"http://x\";\"ссылка\")", "\tтаб"),
            List.of(" пробелы ", "ёЁ", ""),
            List.of("", "", ""));

    private static String write(CsvFormat format, List<List<String>> rows) throws IOException {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            format.write(out, row);
        }
        return out.toString();
    }

    private static List<List<String>> parse(String text, char separator) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser parser = new CsvParser(new StringReader(text), separator)) {
            for (SourceRecord r = parser.next(); r != null; r = parser.next()) {
                assertNull(r.error(), "line " + r.line() + ": " + r.raw());
                rows.add(r.fields());
            }
        }
        return rows;
    }

    @Test
    void everyFieldReadsBackAsWrittenInBothFlavours() throws IOException {
        for (CsvFormat format : List.of(CsvFormat.RFC_4180, CsvFormat.EXCEL_RU)) {
            assertEquals(HOSTILE, parse(write(format, HOSTILE), format.separator()), format.toString());
        }
    }

    @Test
    void onlyFieldsHoldingTheSeparatorAQuoteOrALineBreakAreQuoted() throws IOException {
        assertEquals("550001,\"МБОУ «СОШ № 3», г. Омск\",НОР;ВПР\n",
                write(CsvFormat.RFC_4180, List.of(HOSTILE.get(1))));
        assertEquals("550001;МБОУ «СОШ № 3», г. Омск;\"НОР;ВПР\"\r\n",
                write(CsvFormat.EXCEL_RU, List.of(HOSTILE.get(1))));
        assertEquals("550002,\"МКОУ \"\"Ивановская ООШ\"\"\",\"\"\"\"\"\"", CsvFormat.RFC_4180.line(HOSTILE.get(2)));
        assertEquals("550003,\"первая строка\nвторая\",\"a\r\nb\rc\"", CsvFormat.RFC_4180.line(HOSTILE.get(3)));
    }

    @Test
    void formulaStartsAreWrittenAsGivenSinceGuardingThemIsTheExportersChoice() {
        assertEquals("=1+1,+7 (3812) 00-00-00,-0.53", CsvFormat.RFC_4180.line(HOSTILE.get(4)));
    }

    @Test
    void nullIsAnEmptyFieldAndALoneEmptyFieldIsNotABlankLine() throws IOException {
        assertEquals(",x,,", CsvFormat.RFC_4180.line(Arrays.asList(null, "x", "", null)));
        assertEquals("\"\"", CsvFormat.RFC_4180.line(Arrays.asList((String) null)));
        assertEquals(List.of(List.of("")), parse(write(CsvFormat.RFC_4180, List.of(List.of(""))), ','));
        assertEquals("", CsvFormat.RFC_4180.line(List.of()));
    }

    @Test
    void aSeparatorThatCouldNotBeReadBackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CsvFormat('"', "\n"));
        assertThrows(IllegalArgumentException.class, () -> new CsvFormat('\n', "\n"));
    }
}
