package ru.orientir.etl.ingest.schools;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** A school of the reference file; columns beyond the required three are kept as a JSON object. */
public record SchoolRow(String schoolId, String name, String municipality, String extraJson) {

    /** stg_schools: the columns after load_id and line. */
    public static final StagingTable<SchoolRow> STAGING = new StagingTable<>("stg_schools", List.of(
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("name", StagingTable.TEXT),
                    StagingTable.column("municipality", StagingTable.TEXT),
                    StagingTable.column("extra_json", StagingTable.TEXT)),
            r -> new Object[] {r.schoolId(), r.name(), r.municipality(), r.extraJson()});
}
