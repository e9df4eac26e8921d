package ru.orientir.etl.ingest.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the header among the top rows, the same way for CSV and XLSX: the first row that the caller's predicate accepts
 * on its own, or together with the row above it as a two-row header (merged group cells over sub-columns).
 */
final class HeaderSearch {
    private HeaderSearch() {
    }

    /**
     * One row as the search sees it.
     *
     * @param cells           the row's cells as written, trimmed (XLSX: merged regions spread over their cells)
     * @param asParent        the cells when this row is the upper row of a two-row header: a merged group's value in
     *                        each column it spans (CSV: empty cells filled from the left, as merged cells export)
     * @param followsPrevious whether this row is directly below the previous candidate (XLSX omits empty rows)
     */
    record Candidate(List<String> cells, List<String> asParent, boolean followsPrevious) {
    }

    /** A header found at the current row: spanning 1 or 2 rows, with its column names. */
    record Found(int rows, List<String> names) {
    }

    /**
     * Whether {@code current} (with {@code previous} above it, or null) is the header. When the row alone and the two
     * rows together both read as a header, the two rows win if the upper one adds to the names (group cells such as
     * «Отметка» over «2 | 3 | 4 | 5», whose columns the lower row alone names only «2»…«5»); otherwise the single row.
     */
    static Found test(Candidate previous, Candidate current, Predicate<List<String>> isHeader) {
        List<String> combined = previous != null && current.followsPrevious()
                ? combine(previous.asParent(), current.cells()) : null;
        if (isHeader.test(current.cells())) {
            if (combined != null && !combined.equals(current.cells()) && isHeader.test(combined)) {
                return new Found(2, combined);
            }
            return new Found(1, current.cells());
        }
        if (combined != null && isHeader.test(combined)) {
            return new Found(2, combined);
        }
        return null;
    }

    /** «Отметка» over «2» → «Отметка 2»; equal or one-sided → the non-empty one (a vertical merge gives the parent). */
    static List<String> combine(List<String> parent, List<String> child) {
        int width = Math.max(parent.size(), child.size());
        List<String> names = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String p = i < parent.size() ? parent.get(i) : "";
            String c = i < child.size() ? child.get(i) : "";
            if (!p.isEmpty() && !c.isEmpty() && !p.equals(c)) {
                names.add(p + " " + c);
            } else {
                names.add(p.isEmpty() ? c : p);
            }
        }
        return Collections.unmodifiableList(names);
    }

    static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            out.add(cell == null ? "" : cell.replace("\uFEFF", "").strip());
        }
        return Collections.unmodifiableList(out);
    }

    /** CSV exports a merged cell as its value followed by empty cells: fill each empty cell from its left. */
    static List<String> filledFromLeft(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        String last = "";
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                last = cell;
            }
            out.add(last);
        }
        return Collections.unmodifiableList(out);
    }
}
