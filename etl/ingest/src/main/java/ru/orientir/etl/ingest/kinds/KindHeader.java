package ru.orientir.etl.ingest.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.orientir.etl.ingest.Header;

/**
 * The header of one kind of file: the canonical columns it must have, the columns of which it needs at least one,
 * the columns whose presence means another kind, and — for a <em>closed</em> kind — the only other columns of ours
 * it may have. {@code columns} are the kind's own columns with their Russian aliases (the contract with the regions'
 * exports); columns several kinds share (year, school code, names, municipality, procedure…) are declared once in
 * {@link ru.orientir.etl.ingest.columns.ColumnAliases}.
 *
 * <p>A kind whose required columns are only {@code year, school_id} (the objectivity flags) would claim any yearly
 * file with a misspelt column, so it is closed: its header may name none of the other kinds' columns, and unless it
 * has the first of its optional columns, no unrecognised column either (empty and «№» columns aside).
 *
 * @param standIns a required column and the column that may stand in for it (a school's {@code name} or
 *                 {@code school_name})
 * @param closedOptional null for an open kind
 */
public record KindHeader(List<String> required, List<String> anyOf, Map<String, String> standIns,
                         List<String> excluding, List<String> closedOptional, Map<String, List<String>> columns) {

    public KindHeader {
        required = List.copyOf(required);
        anyOf = List.copyOf(anyOf);
        standIns = Map.copyOf(standIns);
        excluding = List.copyOf(excluding);
        closedOptional = closedOptional == null ? null : List.copyOf(closedOptional);
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** A header that must have these canonical columns. */
    public static KindHeader requiring(String... required) {
        return new KindHeader(List.of(required), List.of(), Map.of(), List.of(), null, Map.of());
    }

    /** … and at least one of these. */
    public KindHeader andAnyOf(List<String> columns) {
        return new KindHeader(required, columns, standIns, excluding, closedOptional, this.columns);
    }

    /** … where {@code standIn} may replace the required {@code column}. */
    public KindHeader orInstead(String column, String standIn) {
        Map<String, String> s = new LinkedHashMap<>(standIns);
        s.put(column, standIn);
        return new KindHeader(required, anyOf, s, excluding, closedOptional, this.columns);
    }

    /** … and none of these (a column that, with the others, means a different kind). */
    public KindHeader without(String... columns) {
        return new KindHeader(required, anyOf, standIns, List.of(columns), closedOptional, this.columns);
    }

    /** … and, of our columns, only these besides the required ones (the first one opens it to unknown columns). */
    public KindHeader closedWith(String... optional) {
        return new KindHeader(required, anyOf, standIns, excluding, List.of(optional), this.columns);
    }

    /** … and this column of the kind's own, with its Russian aliases. */
    public KindHeader column(String canonical, String... russianAliases) {
        Map<String, List<String>> c = new LinkedHashMap<>(columns);
        if (c.put(canonical, List.of(russianAliases)) != null) {
            throw new IllegalArgumentException("столбец «" + canonical + "» объявлен дважды");
        }
        return new KindHeader(required, anyOf, standIns, excluding, closedOptional, c);
    }

    public boolean matches(Header header) {
        for (String column : required) {
            String standIn = standIns.get(column);
            if (!header.has(column) && (standIn == null || !header.has(standIn))) {
                return false;
            }
        }
        if (!anyOf.isEmpty() && anyOf.stream().noneMatch(header::has)) {
            return false;
        }
        if (excluding.stream().anyMatch(header::has)) {
            return false;
        }
        return closedOptional == null || onlyOwnColumns(header);
    }

    private boolean onlyOwnColumns(Header header) {
        boolean ownColumnBesidesKey = !closedOptional.isEmpty() && header.has(closedOptional.get(0));
        for (int i = 0; i < header.size(); i++) {
            String canonical = header.canonicalAt(i);
            if (canonical != null) {
                if (!required.contains(canonical) && !closedOptional.contains(canonical)) {
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

    /** The header as a user reads it when no kind matches: «staffing: year,school_id,staff,teachers». */
    public String describe(String code) {
        StringBuilder s = new StringBuilder(code).append(": ").append(String.join(",", required));
        if (!anyOf.isEmpty()) {
            s.append(" и хотя бы один из ").append(String.join("/", anyOf));
        }
        if (closedOptional != null) {
            s.append(" и необязательные ").append(String.join("/", closedOptional)).append(" (без ")
                    .append(closedOptional.get(0)).append(" — никаких других столбцов)");
        }
        return s.toString();
    }

    /** Every canonical column this header names: required, alternatives, optional and own. */
    public List<String> namedColumns() {
        List<String> all = new ArrayList<>(required);
        all.addAll(standIns.values());
        all.addAll(anyOf);
        all.addAll(excluding);
        if (closedOptional != null) {
            all.addAll(closedOptional);
        }
        all.addAll(columns.keySet());
        return all.stream().distinct().toList();
    }
}
