package ru.orientir.etl.ingest.context;

/** A school's social context in a year (domain.md "Inputs"); every indicator may be missing. */
public record ContextRow(int year, String schoolId, Double parentsHigherEducationShare, Double unemployedParentsShare,
                         Double lowIncomeShare, Double nonNativeRussianShare, Double ovzShare, Long settlementPopulation,
                         Double distanceKm, Boolean directTransport, String internet, Double computersPer100) {
}
