package ru.orientir.etl.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import ru.orientir.etl.ingest.columns.ColumnAliases;

/**
 * A file's header row: column names as written, and their positions by canonical name (through the aliases).
 * Unknown columns keep their written name, so they can still be kept (a school file's extra columns).
 */
public final class Header {
    private final List<String> names;
    private final List<String> canonical;
    private final Map<String, Integer> positions = new HashMap<>();

    public Header(List<String> rawNames) {
        this(rawNames, ColumnAliases.builtIn());
    }

    public Header(List<String> rawNames, ColumnAliases aliases) {
        List<String> cleaned = new ArrayList<>(rawNames.size());
        List<String> canon = new ArrayList<>(rawNames.size());
        for (int i = 0; i < rawNames.size(); i++) {
            String name = rawNames.get(i).replace("\uFEFF", "").strip();
            cleaned.add(name);
            String c = aliases.canonical(name);
            canon.add(c);
            positions.putIfAbsent(c != null ? c : ColumnAliases.key(name), i);
        }
        this.names = List.copyOf(cleaned);
        this.canonical = java.util.Collections.unmodifiableList(canon);
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    public OptionalInt position(String column) {
        Integer p = positions.get(column);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** The column's name as the file writes it (for messages a user reads), or the canonical name when absent. */
    public String label(String column) {
        Integer p = positions.get(column);
        return p == null ? column : names.get(p);
    }

    /** The canonical name of the column at this position, or null for a column that is none of ours. */
    public String canonicalAt(int position) {
        return canonical.get(position);
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }
}
