package ru.orientir.etl.ingest.objectivity;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * A school on ФИОКО's list of schools with signs of non-objective ВПР results for a year (docs/methodology.md («Входные данные»), §5);
 * {@code note} may be null.
 */
public record ObjectivityFlagRow(int year, String schoolId, String note) {

    /** stg_objectivity_flags: the columns after load_id and line. */
    public static final StagingTable<ObjectivityFlagRow> STAGING = new StagingTable<>("stg_objectivity_flags", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("note", StagingTable.TEXT)),
            r -> new Object[] {r.year(), r.schoolId(), r.note()});
}
