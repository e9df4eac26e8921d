package ru.orientir.jobs.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ru.orientir.etl.ingest.source.CsvParser;
import ru.orientir.etl.ingest.source.SourceRecord;

/** Rows by header name, for the generated inputs and the exported marts, read with the ingest's {@link CsvParser}. */
public final class Csv {
    private Csv() {
    }

    /** One data row, its fields by header name; an empty field reads as null. */
    public record Row(Map<String, Integer> header, List<String> fields) {
        public String get(String column) {
            Integer i = header.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column «" + column + "» in " + header.keySet());
            }
            String v = i < fields.size() ? fields.get(i) : null;
            return v == null || v.isEmpty() ? null : v;
        }

        public boolean has(String column) {
            return header.containsKey(column);
        }

        public int integer(String column) {
            return Integer.parseInt(get(column));
        }

        public Integer integerOrNull(String column) {
            String v = get(column);
            return v == null ? null : Integer.valueOf(v);
        }

        public Double number(String column) {
            String v = get(column);
            return v == null ? null : Double.valueOf(v);
        }

        public Boolean bool(String column) {
            String v = get(column);
            return v == null ? null : Boolean.valueOf(v);
        }
    }

    public static void stream(Path file, Consumer<Row> each) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stream(in, each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        stream(file, rows::add);
        return rows;
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        try {
            stream(new BufferedReader(new StringReader(text)), rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void stream(BufferedReader in, Consumer<Row> each) throws IOException {
        try (CsvParser parser = new CsvParser(in, ',')) {
            List<String> head = record(parser);
            if (head == null) {
                throw new IllegalStateException("empty CSV");
            }
            if (!head.isEmpty() && head.get(0).startsWith("\uFEFF")) {
                head.set(0, head.get(0).substring(1));
            }
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < head.size(); i++) {
                header.put(head.get(i), i);
            }
            List<String> fields;
            while ((fields = record(parser)) != null) {
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                each.accept(new Row(header, fields));
            }
        }
    }

    /** The next record through the ingest's own parser (quoted fields may span lines); null at the end. */
    private static List<String> record(CsvParser parser) throws IOException {
        SourceRecord record = parser.next();
        if (record == null) {
            return null;
        }
        if (record.error() != null) {
            throw new IllegalStateException("line " + record.line() + ": " + record.error());
        }
        return new ArrayList<>(record.fields());
    }
}
