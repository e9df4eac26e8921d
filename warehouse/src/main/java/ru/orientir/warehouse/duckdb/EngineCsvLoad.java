package ru.orientir.warehouse.duckdb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import ru.orientir.warehouse.TableRows;

/**
 * The bulk path for large batches: the rows are written to a temporary CSV file and DuckDB loads it with its own
 * reader ({@code read_csv}, typed by the target table's columns, no sniffing) inside the caller's transaction. DuckDB's
 * reader is parallel and never crosses JNI per value: measured on a million validated result rows, the appender's
 * flushes took 6.1 s, this path 4.3 s (the file 2.4 s of it, the reader 1.9 s), in the same transaction.
 *
 * <p>Strings are always quoted and a missing value is the unquoted {@code \N}, with quoted NULLs off: an empty string,
 * the string {@code \N} and a missing value stay three different things. Doubles are written in Java's shortest
 * round-trip form, which DuckDB parses back to the same value.
 */
final class EngineCsvLoad {
    /** Below this many rows the appender is cheaper than a file and a statement. */
    static final int MIN_ROWS = 1_000;

    private EngineCsvLoad() {
    }

    static void insert(Connection c, TableRows rows, Map<String, String> tableTypes, Path folder) throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (String column : rows.columns()) {
            String type = tableTypes.get(column);
            if (type == null) {
                throw new SQLException("В таблице " + rows.table() + " нет столбца " + column);
            }
            columns.add("'" + column + "': '" + type + "'");
        }
        Path file;
        try {
            Files.createDirectories(folder);
            file = Files.createTempFile(folder, "load-" + rows.table() + "-", ".csv");
        } catch (IOException e) {
            throw new SQLException("Не удалось создать временный файл загрузки в " + folder
                    + ": проверьте место на диске и права на папку. " + e.getMessage(), e);
        }
        try {
            write(file, rows.rows());
            String sql = "INSERT INTO " + rows.table() + " (" + String.join(", ", rows.columns()) + ") SELECT * FROM read_csv("
                    + "'" + file.toAbsolutePath().toString().replace("'", "''") + "', header = false, auto_detect = false,"
                    + " delim = ',', quote = '\"', escape = '\"', nullstr = '\\N', allow_quoted_nulls = false,"
                    + " strict_mode = true, parallel = true, columns = " + columns + ")";
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next load's folder clean-up removes it (DuckDbWarehouse clears the folder when it opens)
            }
        }
    }

    static void write(Path file, List<Object[]> rows) throws SQLException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Bytes line = new Bytes();
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.add((byte) ',');
                    }
                    value(line, row[i]);
                }
                line.add((byte) '\n');
                if (line.size > 1 << 20) {
                    out.write(line.bytes, 0, line.size);
                    line.size = 0;
                }
            }
            out.write(line.bytes, 0, line.size);
        } catch (IOException e) {
            throw new SQLException("Не удалось записать временный файл загрузки " + file
                    + ": проверьте место на диске. " + e.getMessage(), e);
        }
    }

    private static void value(Bytes out, Object v) throws SQLException {
        if (v == null) {
            out.add((byte) '\\');
            out.add((byte) 'N');
        } else if (v instanceof String s) {
            out.add((byte) '"');
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (s.indexOf('"') < 0) {
                out.add(utf8);
            } else {
                for (byte b : utf8) {
                    if (b == '"') {
                        out.add(b);
                    }
                    out.add(b);
                }
            }
            out.add((byte) '"');
        } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            out.addAscii(v.toString());
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new SQLException("Значение " + d + " нельзя записать в хранилище");
            }
            out.addAscii(d.toString());
        } else {
            throw new SQLException("Unsupported value type " + v.getClass().getName());
        }
    }

    /** A growable byte buffer: the file is written in blocks of about a megabyte. */
    private static final class Bytes {
        private byte[] bytes = new byte[(1 << 20) + 65_536];
        private int size;

        void add(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void add(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void addAscii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
