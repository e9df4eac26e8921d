package ru.orientir.warehouse;

import java.nio.file.Path;
import java.util.List;

/** One mart's new contents, as the Parquet files an analytics run wrote for it. */
public record MartFiles(String table, List<Path> parquetFiles) {
    public MartFiles {
        if (!table.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a mart table name: " + table);
        }
        parquetFiles = List.copyOf(parquetFiles);
    }
}
