package ru.orientir.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SQL kept in .sql files on the class path ({@code sql/...}), never built by string concatenation of values. */
public final class SqlResource {
    private SqlResource() {
    }

    public static String load(String path) {
        try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new WarehouseException("SQL resource not found on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read SQL resource " + path, e);
        }
    }

    /** The statements of a script: comment lines dropped, split on semicolons at line ends. */
    public static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                result.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    /** A per-table template ({@code {table}} placeholder); table names are internal identifiers, not user values. */
    public static List<String> forTable(String path, String table) {
        return statements(load(path).replace("{table}", table));
    }
}
