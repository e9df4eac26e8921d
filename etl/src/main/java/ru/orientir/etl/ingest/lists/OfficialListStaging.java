package ru.orientir.etl.ingest.lists;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_official_list. */
public final class OfficialListStaging implements StagingTable<OfficialListRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("list_year", INT),
            StagingTable.column("school_id", TEXT),
            StagingTable.column("reason", TEXT));

    @Override
    public String table() {
        return "stg_official_list";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(OfficialListRow r) {
        return new Object[] {r.listYear(), r.schoolId(), r.reason()};
    }
}
