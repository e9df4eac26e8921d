package ru.orientir.etl.ingest.kinds;

import java.util.List;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.context.ContextRow;
import ru.orientir.etl.ingest.context.ContextValidator;

/**
 * A school's context in a year: the indicators of docs/methodology.md («Входные данные»), the social well-being
 * index inputs and the risk-profile inputs; any one of them makes the file this kind. One row per school and year.
 */
public final class SchoolContextKind implements InputKind<ContextRow> {
    private static final KindHeader HEADER = KindHeader.requiring("year", "school_id")
            .column("parents_higher_education_share", "доля родителей с высшим образованием")
            .column("unemployed_parents_share", "доля безработных родителей")
            .column("low_income_share", "доля малоимущих семей")
            .column("non_native_russian_share", "доля с неродным русским языком", "доля с неродным русским")
            .column("ovz_share", "доля обучающихся с ОВЗ", "доля ОВЗ")
            .column("settlement_population", "численность населения пункта", "численность населения")
            .column("distance_km", "расстояние до регионального центра", "расстояние до центра")
            .column("direct_transport", "прямое транспортное сообщение")
            .column("internet", "интернет")
            .column("computers_per_100", "компьютеров на 100 обучающихся");

    /** The indicators: this kind's own columns. */
    private static final List<String> INDICATORS = List.copyOf(HEADER.columns().keySet());

    private static final KindHeader DETECTED_BY = HEADER.andAnyOf(INDICATORS);

    @Override
    public String code() {
        return "school_context";
    }

    @Override
    public String russianName() {
        return "контекст школ";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 50;
    }

    @Override
    public KindHeader header() {
        return DETECTED_BY;
    }

    @Override
    public StagingTable<ContextRow> staging() {
        return ContextRow.STAGING;
    }

    @Override
    public RowValidator<ContextRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new ContextValidator(header, load));
    }
}
