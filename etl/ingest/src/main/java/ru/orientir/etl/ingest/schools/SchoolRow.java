package ru.orientir.etl.ingest.schools;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * A school of the reference file; columns beyond the stored ones are kept as a JSON object. {@code opened} and
 * {@code closed} are the years the reference gives (null when it gives none): the school operates in every year from
 * {@code opened} through {@code closed}, both included. {@code asOfYear} (по состоянию на год, год справочника) is the
 * year the row describes the school from, until the school's next dated row; null in a reference without that column,
 * whose row is the school's latest version (docs/methodology.md §3.5). {@code region} is the two-digit code of the
 * subject of the Russian Federation (код субъекта РФ); null in a reference without that column (one region), stored
 * as ''.
 */
public record SchoolRow(String schoolId, String name, String municipality, String extraJson, Integer opened,
                        Integer closed, Integer asOfYear, String region) {

    public SchoolRow(String schoolId, String name, String municipality, String extraJson) {
        this(schoolId, name, municipality, extraJson, null, null, null, null);
    }

    /** stg_schools: the columns after load_id and line, in the table's order (as_of_year added by V9, region by V19). */
    public static final StagingTable<SchoolRow> STAGING = new StagingTable<>("stg_schools", List.of(
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("name", StagingTable.TEXT),
                    StagingTable.column("municipality", StagingTable.TEXT),
                    StagingTable.column("extra_json", StagingTable.TEXT),
                    StagingTable.column("opened", StagingTable.INT),
                    StagingTable.column("closed", StagingTable.INT),
                    StagingTable.column("as_of_year", StagingTable.INT),
                    StagingTable.column("region", StagingTable.TEXT)),
            r -> new Object[] {r.schoolId(), r.name(), r.municipality(), r.extraJson(), r.opened(), r.closed(),
                    r.asOfYear(), r.region() == null ? "" : r.region()});
}
