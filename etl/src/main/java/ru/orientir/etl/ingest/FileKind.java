package ru.orientir.etl.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of input file Orientir recognises, each by the columns its header row must have (file names are free).
 * A kind's {@code order} says which loads first: the school reference before anything that refers to schools.
 */
public enum FileKind {
    SCHOOLS("schools", 1, List.of("school_id", "name", "municipality")),
    OFFICIAL_LIST("official_list", 2, List.of("list_year", "school_id"));

    private final String code;
    private final int order;
    private final List<String> requiredColumns;

    FileKind(String code, int order, List<String> requiredColumns) {
        this.code = code;
        this.order = order;
        this.requiredColumns = requiredColumns;
    }

    public String code() {
        return code;
    }

    public int order() {
        return order;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The kind whose required columns all appear in the header; the most specific kind wins. */
    public static Optional<FileKind> detect(Header header) {
        if (header.has("list_year") && OFFICIAL_LIST.matches(header)) {
            return Optional.of(OFFICIAL_LIST);
        }
        if (SCHOOLS.matches(header)) {
            return Optional.of(SCHOOLS);
        }
        return Optional.empty();
    }

    private boolean matches(Header header) {
        return requiredColumns.stream().allMatch(header::has);
    }

    /** What a user reads when no kind matches. */
    public static String describeKnownHeaders() {
        StringBuilder s = new StringBuilder();
        for (FileKind kind : values()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(kind.code).append(": ").append(String.join(",", kind.requiredColumns));
        }
        return s.toString();
    }
}
