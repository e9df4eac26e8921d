package ru.orientir.etl.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** How one kind of typed row is written to its staging table (after the load_id and line columns). */
public interface StagingTable<T> {

    String table();

    List<String> columns();

    /** Binds the row's values from parameter index {@code first} on. */
    void bind(PreparedStatement ps, int first, T row) throws SQLException;
}
