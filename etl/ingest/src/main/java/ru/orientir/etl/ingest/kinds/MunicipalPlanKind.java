package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.plan.PlanRow;
import ru.orientir.etl.ingest.plan.PlanValidator;

/**
 * A municipality's plan of measures by three tracks, returned with its statuses and actual values: the workbook
 * {@code bin/orientir report --plan} writes, edited (docs/methodology.md §13.3).
 */
public final class MunicipalPlanKind implements InputKind<PlanRow> {
    private static final KindHeader HEADER = KindHeader.requiring("municipality", "list_year", "measure", "track",
                    "schools", "deadline", "indicator", "status")
            .column("measure", "мероприятие", "мера")
            .column("track", "трек")
            .column("schools", "школы", "коды ОО")
            .column("deadline", "срок", "срок исполнения")
            .column("owner", "ответственный", "ответственные")
            .column("indicator", "показатель", "показатель результата")
            .column("baseline", "базовое значение")
            .column("target", "целевое значение")
            .column("status", "статус", "статус исполнения")
            .column("actual", "фактическое значение")
            .column("measure_type", "тип меры")
            .column("school_names", "названия школ");

    @Override
    public String code() {
        return "municipal_plan";
    }

    @Override
    public String russianName() {
        return "план мероприятий муниципалитета";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 55;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<PlanRow> staging() {
        return PlanRow.STAGING;
    }

    @Override
    public RowValidator<PlanRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new PlanValidator(header, load));
    }
}
