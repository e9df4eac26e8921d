package ru.orientir.etl.ingest.context;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/** stg_school_context. */
public final class ContextStaging implements StagingTable<ContextRow> {
    private static final List<Column> COLUMNS = List.of(
            StagingTable.column("year", INT),
            StagingTable.column("school_id", TEXT),
            StagingTable.column("parents_higher_education_share", DOUBLE),
            StagingTable.column("unemployed_parents_share", DOUBLE),
            StagingTable.column("low_income_share", DOUBLE),
            StagingTable.column("non_native_russian_share", DOUBLE),
            StagingTable.column("ovz_share", DOUBLE),
            StagingTable.column("settlement_population", BIGINT),
            StagingTable.column("distance_km", DOUBLE),
            StagingTable.column("direct_transport", BOOL),
            StagingTable.column("internet", TEXT),
            StagingTable.column("computers_per_100", DOUBLE));

    @Override
    public String table() {
        return "stg_school_context";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object[] values(ContextRow r) {
        return new Object[] {r.year(), r.schoolId(), r.parentsHigherEducationShare(), r.unemployedParentsShare(), r.lowIncomeShare(), r.nonNativeRussianShare(), r.ovzShare(), r.settlementPopulation(), r.distanceKm(), r.directTransport(), r.internet(), r.computersPer100()};
    }
}
