package ru.orientir.etl.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** A file's header row: column names as written, and their positions by normalised name. */
public final class Header {
    private final List<String> names;
    private final Map<String, Integer> positions = new HashMap<>();

    public Header(List<String> rawNames) {
        List<String> cleaned = new ArrayList<>(rawNames.size());
        for (int i = 0; i < rawNames.size(); i++) {
            String name = rawNames.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            cleaned.add(name.strip());
            positions.putIfAbsent(normalise(name), i);
        }
        this.names = List.copyOf(cleaned);
    }

    static String normalise(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    public OptionalInt position(String column) {
        Integer p = positions.get(column);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }
}
