package ru.orientir.etl.ingest.schools;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_schools. */
public final class SchoolStaging implements StagingTable<SchoolRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("school_id", TEXT),
            StagingTable.column("name", TEXT),
            StagingTable.column("municipality", TEXT),
            StagingTable.column("extra_json", TEXT));

    @Override
    public String table() {
        return "stg_schools";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(SchoolRow r) {
        return new Object[] {r.schoolId(), r.name(), r.municipality(), r.extraJson()};
    }
}
