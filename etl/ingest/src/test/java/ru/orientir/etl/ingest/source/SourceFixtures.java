package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import ru.orientir.etl.ingest.source.SourceRecord;

/** Helpers shared by the source tests. */
final class SourceFixtures {
    private SourceFixtures() {
    }

    /** A header predicate: the row has all these column names (case-insensitive). */
    static Predicate<List<String>> columns(String... names) {
        return cells -> {
            List<String> lower = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            for (String n : names) {
                if (!lower.contains(n.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        };
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static List<SourceRecord> readAll(RecordSource source) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        SourceRecord r;
        while ((r = source.next()) != null) {
            records.add(r);
        }
        return records;
    }

    static List<SourceRecord> readAll(Path file, Predicate<List<String>> isHeader) throws Exception {
        try (RecordSource s = RecordSources.open(file, isHeader, SourceOptions.defaults())) {
            return readAll(s);
        }
    }
}
