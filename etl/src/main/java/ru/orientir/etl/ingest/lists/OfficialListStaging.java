package ru.orientir.etl.ingest.lists;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_official_list. */
public final class OfficialListStaging implements StagingTable<OfficialListRow> {
    @Override
    public String table() {
        return "stg_official_list";
    }

    @Override
    public List<String> columns() {
        return List.of("list_year", "school_id", "reason");
    }

    @Override
    public void bind(PreparedStatement ps, int first, OfficialListRow row) throws SQLException {
        ps.setInt(first, row.listYear());
        ps.setString(first + 1, row.schoolId());
        if (row.reason() == null) {
            ps.setNull(first + 2, Types.VARCHAR);
        } else {
            ps.setString(first + 2, row.reason());
        }
    }
}
