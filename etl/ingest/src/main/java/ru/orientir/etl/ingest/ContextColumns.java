package ru.orientir.etl.ingest;

import java.util.List;

/** The context indicators of docs/methodology.md («Входные данные») (the social well-being index inputs and the risk-profile inputs). */
final class ContextColumns {
    static final List<String> INDICATORS = List.of("parents_higher_education_share", "unemployed_parents_share",
            "low_income_share", "non_native_russian_share", "ovz_share", "settlement_population", "distance_km",
            "direct_transport", "internet", "computers_per_100");

    private ContextColumns() {
    }
}
