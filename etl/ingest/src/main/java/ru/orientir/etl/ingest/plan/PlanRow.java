package ru.orientir.etl.ingest.plan;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * One measure of a municipality's plan as it came back (docs/methodology.md §13.3): the draft plan's columns with the
 * municipality's status and actual value. {@code schools} is «все» or the school codes separated by «;»; the deadline
 * is an ISO date.
 */
public record PlanRow(String municipality, int listYear, String measure, int track, String schools, String deadline,
                      String owner, String indicator, Double baseline, Double target, String status, Double actual,
                      String measureType) {

    /** stg_municipal_plan: the columns after load_id and line. */
    public static final StagingTable<PlanRow> STAGING = new StagingTable<>("stg_municipal_plan", List.of(
                    StagingTable.column("municipality", StagingTable.TEXT),
                    StagingTable.column("list_year", StagingTable.INT),
                    StagingTable.column("measure", StagingTable.TEXT),
                    StagingTable.column("track", StagingTable.INT),
                    StagingTable.column("schools", StagingTable.TEXT),
                    StagingTable.column("deadline", StagingTable.TEXT),
                    StagingTable.column("owner", StagingTable.TEXT),
                    StagingTable.column("indicator", StagingTable.TEXT),
                    StagingTable.column("baseline", StagingTable.DOUBLE),
                    StagingTable.column("target", StagingTable.DOUBLE),
                    StagingTable.column("status", StagingTable.TEXT),
                    StagingTable.column("actual", StagingTable.DOUBLE),
                    StagingTable.column("measure_type", StagingTable.TEXT)),
            r -> new Object[] {r.municipality(), r.listYear(), r.measure(), r.track(), r.schools(), r.deadline(),
                    r.owner(), r.indicator(), r.baseline(), r.target(), r.status(), r.actual(), r.measureType()});
}
