package ru.orientir.etl.ingest.context;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** A school's social context in a year (docs/methodology.md («Входные данные»)); every indicator may be missing. */
public record ContextRow(int year, String schoolId, Double parentsHigherEducationShare, Double unemployedParentsShare,
                         Double lowIncomeShare, Double nonNativeRussianShare, Double ovzShare, Long settlementPopulation,
                         Double distanceKm, Boolean directTransport, String internet, Double computersPer100) {

    /** stg_school_context: the columns after load_id and line. */
    public static final StagingTable<ContextRow> STAGING = new StagingTable<>("stg_school_context", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("parents_higher_education_share", StagingTable.DOUBLE),
                    StagingTable.column("unemployed_parents_share", StagingTable.DOUBLE),
                    StagingTable.column("low_income_share", StagingTable.DOUBLE),
                    StagingTable.column("non_native_russian_share", StagingTable.DOUBLE),
                    StagingTable.column("ovz_share", StagingTable.DOUBLE),
                    StagingTable.column("settlement_population", StagingTable.BIGINT),
                    StagingTable.column("distance_km", StagingTable.DOUBLE),
                    StagingTable.column("direct_transport", StagingTable.BOOL),
                    StagingTable.column("internet", StagingTable.TEXT),
                    StagingTable.column("computers_per_100", StagingTable.DOUBLE)),
            r -> new Object[] {r.year(), r.schoolId(), r.parentsHigherEducationShare(), r.unemployedParentsShare(), r.lowIncomeShare(), r.nonNativeRussianShare(), r.ovzShare(), r.settlementPopulation(), r.distanceKm(), r.directTransport(), r.internet(), r.computersPer100()});
}
