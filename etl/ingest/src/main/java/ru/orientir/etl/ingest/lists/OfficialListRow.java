package ru.orientir.etl.ingest.lists;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** One school on an official list as published for a list year; {@code reason} may be null. */
public record OfficialListRow(int listYear, String schoolId, String reason) {

    /** stg_official_list: the columns after load_id and line. */
    public static final StagingTable<OfficialListRow> STAGING = new StagingTable<>("stg_official_list", List.of(
                    StagingTable.column("list_year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("reason", StagingTable.TEXT)),
            r -> new Object[] {r.listYear(), r.schoolId(), r.reason()});
}
