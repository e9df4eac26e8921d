package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<SourceRecord> parse(String text) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text), ',')) {
            SourceRecord r;
            while ((r = p.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void plainFieldsAndLineNumbers() throws IOException {
        List<SourceRecord> rs = parse("a,b,c\n1,2,3\n");
        assertEquals(2, rs.size());
        assertEquals(List.of("1", "2", "3"), rs.get(1).fields());
        assertEquals(2, rs.get(1).line());
        assertNull(rs.get(1).error());
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        List<SourceRecord> rs = parse("id,name\r\n1,\"Школа \"\"Надежда\"\", филиал\"\r\n2,\"две\nстроки\"\r\n3,x\r\n");
        assertEquals(List.of("1", "Школа \"Надежда\", филиал"), rs.get(1).fields());
        assertEquals(List.of("2", "две\nстроки"), rs.get(2).fields());
        assertEquals(3, rs.get(2).line());
        assertEquals(5, rs.get(3).line(), "the quoted line break moves the next record's line number");
    }

    @Test
    void emptyFieldsAndMissingFinalNewline() throws IOException {
        List<SourceRecord> rs = parse("a,,\"\"\nlast,1,2");
        assertEquals(List.of("a", "", ""), rs.get(0).fields());
        assertEquals(List.of("last", "1", "2"), rs.get(1).fields());
    }

    @Test
    void unclosedQuoteIsReportedNotThrown() throws IOException {
        List<SourceRecord> rs = parse("a,b\n1,\"never closed\n2,3\n");
        assertEquals(2, rs.size(), "the rest of the file is one broken record, kept whole");
        assertNotNull(rs.get(1).error());
        assertTrue(rs.get(1).error().contains("незакрытая кавычка"));
        assertTrue(rs.get(1).raw().contains("2,3"));
    }

    @Test
    void strayQuotesAreReported() throws IOException {
        List<SourceRecord> rs = parse("1,ab\"c\n2,\"x\"y\n3,ok\n");
        assertTrue(rs.get(0).error().contains("кавычка внутри поля"));
        assertTrue(rs.get(1).error().contains("после закрывающей кавычки"));
        assertNull(rs.get(2).error(), "the parser resynchronises on the next line");
        assertEquals("1,ab\"c", rs.get(0).raw());
    }

    @Test
    void blankLineIsARecordSoItIsAccountedFor() throws IOException {
        List<SourceRecord> rs = parse("a\n\nb\n");
        assertEquals(3, rs.size());
        assertTrue(rs.get(1).isBlank());
    }
}
