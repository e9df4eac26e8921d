package ru.orientir.etl.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of input file Orientir recognises, each by the columns its header must have (file names are free).
 * {@code order} says which loads first: the school reference before anything that refers to schools.
 */
public enum FileKind {
    SCHOOLS("schools", "stg_schools", 1, List.of("school_id", "name", "municipality"), List.of()),
    OFFICIAL_LIST("official_list", "stg_official_list", 2, List.of("list_year", "school_id"), List.of()),
    EXAM_RESULTS("exam_results", "stg_exam_results", 3,
            List.of("year", "procedure", "grade", "subject", "school_id", "participant_id"), List.of("mark", "score")),
    EXAM_AGGREGATES("exam_aggregates", "stg_exam_aggregates", 3, List.of("year", "procedure", "grade", "subject",
            "school_id", "participants", "mark2", "mark3", "mark4", "mark5"), List.of()),
    STAFFING("staffing", "stg_staffing", 3, List.of("year", "school_id", "staff", "teachers"), List.of()),
    SCHOOL_CONTEXT("school_context", "stg_school_context", 3, List.of("year", "school_id"), ContextColumns.INDICATORS);

    /** Detection order: the most specific header first. */
    private static final List<FileKind> DETECTION = List.of(EXAM_RESULTS, EXAM_AGGREGATES, STAFFING, SCHOOL_CONTEXT,
            OFFICIAL_LIST, SCHOOLS);

    private final String code;
    private final String stagingTable;
    private final int order;
    private final List<String> requiredColumns;
    private final List<String> anyOfColumns;

    FileKind(String code, String stagingTable, int order, List<String> requiredColumns, List<String> anyOfColumns) {
        this.code = code;
        this.stagingTable = stagingTable;
        this.order = order;
        this.requiredColumns = requiredColumns;
        this.anyOfColumns = anyOfColumns;
    }

    public String code() {
        return code;
    }

    public String stagingTable() {
        return stagingTable;
    }

    public int order() {
        return order;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The kind whose columns the header has; the most specific kind wins. */
    public static Optional<FileKind> detect(Header header) {
        return DETECTION.stream().filter(k -> k.matches(header)).findFirst();
    }

    boolean matches(Header header) {
        for (String column : requiredColumns) {
            boolean present = header.has(column) || ("name".equals(column) && header.has("school_name"));
            if (!present) {
                return false;
            }
        }
        return anyOfColumns.isEmpty() || anyOfColumns.stream().anyMatch(header::has);
    }

    /** What a user reads when no kind matches. */
    public static String describeKnownHeaders() {
        StringBuilder s = new StringBuilder();
        for (FileKind kind : values()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(kind.code).append(": ").append(String.join(",", kind.requiredColumns));
            if (!kind.anyOfColumns.isEmpty()) {
                s.append(" и хотя бы один из ").append(String.join("/", kind.anyOfColumns));
            }
        }
        return s.toString();
    }
}
