package ru.orientir.etl.ingest.schools;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_schools. */
public final class SchoolStaging implements StagingTable<SchoolRow> {
    @Override
    public String table() {
        return "stg_schools";
    }

    @Override
    public List<String> columns() {
        return List.of("school_id", "name", "municipality", "extra_json");
    }

    @Override
    public void bind(PreparedStatement ps, int first, SchoolRow row) throws SQLException {
        ps.setString(first, row.schoolId());
        ps.setString(first + 1, row.name());
        ps.setString(first + 2, row.municipality());
        ps.setString(first + 3, row.extraJson());
    }
}
