package ru.orientir.tools.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A sink that drops the rows of schools not open in the file's year (the school id is the second cell of every
 * yearly table): a closed school's context, staffing and survey stop with its results, and a school not yet open
 * has none. The rows are drawn all the same, so the other schools' values do not depend on who is open.
 */
final class OpenSchoolsSink implements TableSink {
    private final TableSink sink;
    private final Set<String> notOpen;

    OpenSchoolsSink(TableSink sink, Set<String> notOpen) {
        this.sink = sink;
        this.notOpen = notOpen;
    }

    @Override
    public void row(Object... cells) throws IOException {
        if (!notOpen.contains((String) cells[1])) {
            sink.row(cells);
        }
    }

    @Override
    public void totals(Object... cells) throws IOException {
        sink.totals(cells);
    }

    @Override
    public long rows() {
        return sink.rows();
    }

    @Override
    public Path file() {
        return sink.file();
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }
}
