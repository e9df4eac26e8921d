package ru.orientir.jobs.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.ingest.source.CsvParser;
import ru.orientir.etl.ingest.source.SourceRecord;

class CsvWriterTest {

    private static String write(List<String> row) throws IOException {
        StringWriter target = new StringWriter();
        new CsvWriter(target).writeRow(row);
        return target.toString();
    }

    @Test
    void plainFieldsAreNotQuoted() throws IOException {
        assertEquals("550001,Лицей № 2,город Омск\n", write(List.of("550001", "Лицей № 2", "город Омск")));
    }

    @Test
    void guillemetsAndSemicolonsNeedNoQuoting() throws IOException {
        assertEquals("МБОУ «СОШ № 3»,НОР;ВПР\n", write(List.of("МБОУ «СОШ № 3»", "НОР;ВПР")));
    }

    @Test
    void commaIsQuoted() throws IOException {
        assertEquals("a,\"b,c\",d\n", write(List.of("a", "b,c", "d")));
    }

    @Test
    void quotesAreDoubledInsideQuotes() throws IOException {
        assertEquals("\"МКОУ \"\"Ивановская ООШ\"\"\"\n", write(List.of("МКОУ \"Ивановская ООШ\"")));
    }

    @Test
    void lineBreaksAreQuoted() throws IOException {
        assertEquals("\"a\nb\",\"c\rd\",\"e\r\nf\"\n", write(List.of("a\nb", "c\rd", "e\r\nf")));
    }

    @Test
    void nullAndEmptyWriteEmptyFields() throws IOException {
        assertEquals(",x,,\n", write(Arrays.asList(null, "x", "", null)));
    }

    @Test
    void singleEmptyFieldIsNotABlankLine() throws IOException {
        assertEquals("\"\"\n", write(Arrays.asList((String) null)));
        assertEquals("\"\"\n", write(List.of("")));
        assertEquals("\n", write(List.of()));
    }

    @Test
    void spacesAreKeptAsTheyAre() throws IOException {
        assertEquals(" a , b \n", write(List.of(" a ", " b ")));
    }

    @Test
    void varargsRowsFollowEachOther() throws IOException {
        StringWriter target = new StringWriter();
        try (CsvWriter csv = new CsvWriter(target)) {
            csv.writeRow("list_year", "school_id", "reason");
            csv.writeRow("2024", "550001", null);
        }
        assertEquals("list_year,school_id,reason\n2024,550001,\n", target.toString());
    }

    @Test
    void nullRowIsRejected() {
        CsvWriter csv = new CsvWriter(new StringWriter());
        assertThrows(NullPointerException.class, () -> csv.writeRow((List<String>) null));
        assertThrows(NullPointerException.class, () -> csv.writeRow((String[]) null));
    }

    /** As the exporter writes text cells: guarded, then written; the ingest's parser reads back the guarded text. */
    @Test
    void guardedCellsReadBackThroughTheIngestParser() throws IOException {
        List<String> cells = List.of("=1+1", "+7 999", "-x", "@SUM(A1)", "Лицей, «№ 2»", "a \"b\"\nc", "ёЁ", "-0.53");
        List<String> guarded = cells.stream().map(FormulaGuard::text).toList();
        StringWriter target = new StringWriter();
        try (CsvWriter csv = new CsvWriter(target)) {
            csv.writeRow(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
            csv.writeRow(guarded);
        }
        try (CsvParser parser = new CsvParser(new StringReader(target.toString()), ',')) {
            assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), parser.next().fields());
            SourceRecord row = parser.next();
            assertEquals(null, row.error());
            assertEquals(List.of("'=1+1", "'+7 999", "'-x", "'@SUM(A1)", "Лицей, «№ 2»", "a \"b\"\nc", "ёЁ", "'-0.53"),
                    row.fields());
            assertEquals(null, parser.next());
        }
    }
}
