package ru.orientir.etl.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of input file Orientir recognises, each by the columns its header must have (file names are free).
 * {@code order} says which loads first: the school reference before anything that refers to schools.
 *
 * <p>A kind whose required columns are only {@code year, school_id} (the objectivity flags) would claim any yearly
 * file with a misspelt column, so it is <em>closed</em>: its header may name none of the other kinds' columns, and
 * unless it has the kind's own {@code note} column, no unrecognised column either (empty and «№» columns aside).
 */
public enum FileKind {
    SCHOOLS("schools", "stg_schools", 1, List.of("school_id", "name", "municipality"), List.of()),
    OFFICIAL_LIST("official_list", "stg_official_list", 2, List.of("list_year", "school_id"), List.of()),
    EXAM_RESULTS("exam_results", "stg_exam_results", 3,
            List.of("year", "procedure", "grade", "subject", "school_id", "participant_id"), List.of("mark", "score")),
    /** ВПР/ОГЭ rows need mark2…mark5; ЕГЭ rows may give below_min instead (ЕГЭ has scores, not marks). */
    EXAM_AGGREGATES("exam_aggregates", "stg_exam_aggregates", 3, List.of("year", "procedure", "grade", "subject",
            "school_id", "participants"), List.of("mark2", "mark3", "mark4", "mark5", "below_min")),
    STAFFING("staffing", "stg_staffing", 3, List.of("year", "school_id", "staff", "teachers"), List.of()),
    SCHOOL_CONTEXT("school_context", "stg_school_context", 3, List.of("year", "school_id"), ContextColumns.INDICATORS),
    RISK_SURVEY("risk_survey", "stg_risk_survey", 3, List.of("year", "school_id", "risk", "level"), List.of()),
    OBJECTIVITY_FLAGS("objectivity_flags", "stg_objectivity_flags", 3, List.of("year", "school_id"), List.of(),
            List.of("note", "school_name", "name", "municipality"));

    /** Detection order: the most specific header first; the closed objectivity flags just before the schools. */
    private static final List<FileKind> DETECTION = List.of(EXAM_RESULTS, EXAM_AGGREGATES, STAFFING, RISK_SURVEY,
            SCHOOL_CONTEXT, OFFICIAL_LIST, OBJECTIVITY_FLAGS, SCHOOLS);

    private final String code;
    private final String stagingTable;
    private final int order;
    private final List<String> requiredColumns;
    private final List<String> anyOfColumns;
    /** For a closed kind, the only other columns of ours its header may have; null for the others. */
    private final List<String> closedOptional;

    FileKind(String code, String stagingTable, int order, List<String> requiredColumns, List<String> anyOfColumns) {
        this(code, stagingTable, order, requiredColumns, anyOfColumns, null);
    }

    FileKind(String code, String stagingTable, int order, List<String> requiredColumns, List<String> anyOfColumns,
             List<String> closedOptional) {
        this.code = code;
        this.stagingTable = stagingTable;
        this.order = order;
        this.requiredColumns = requiredColumns;
        this.anyOfColumns = anyOfColumns;
        this.closedOptional = closedOptional;
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
        if (!anyOfColumns.isEmpty() && anyOfColumns.stream().noneMatch(header::has)) {
            return false;
        }
        if (this == EXAM_AGGREGATES && header.has("mark")) {
            // A lone «Отметка» is the group cell over «2 | 3 | 4 | 5» of a two-row header: the row below completes it.
            return false;
        }
        return closedOptional == null || onlyOwnColumns(header);
    }

    private boolean onlyOwnColumns(Header header) {
        boolean ownColumnBesidesKey = header.has(closedOptional.get(0));
        for (int i = 0; i < header.size(); i++) {
            String canonical = header.canonicalAt(i);
            if (canonical != null) {
                if (!requiredColumns.contains(canonical) && !closedOptional.contains(canonical)) {
                    return false; // another kind's column: a misspelt file of that kind, not ours
                }
            } else if (!ownColumnBesidesKey && !neutral(header.names().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Columns any export may have that say nothing about the kind: empty, or a row number («№», «№ п/п»). */
    private static boolean neutral(String name) {
        return name.isBlank() || name.startsWith("№");
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
            if (kind.closedOptional != null) {
                s.append(" и необязательные ").append(String.join("/", kind.closedOptional)).append(" (без ")
                        .append(kind.closedOptional.get(0)).append(" — никаких других столбцов)");
            }
        }
        return s.toString();
    }
}
