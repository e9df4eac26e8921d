package ru.orientir.etl.ingest.kinds;

import java.util.List;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.results.ExamAggregateRow;
import ru.orientir.etl.ingest.results.ExamAggregateValidator;

/**
 * Results by school (ВПР, ОГЭ, ЕГЭ): one row per school and procedure. ВПР/ОГЭ rows need mark2…mark5; ЕГЭ rows may
 * give below_min instead (ЕГЭ has scores, not marks).
 */
public final class ExamAggregatesKind implements InputKind<ExamAggregateRow> {
    private static final KindHeader HEADER = KindHeader
            .requiring("year", "procedure", "grade", "subject", "school_id", "participants")
            .andAnyOf(List.of("mark2", "mark3", "mark4", "mark5", "below_min"))
            // A lone «Отметка» is the group cell over «2 | 3 | 4 | 5» of a two-row header: the row below completes it.
            .without("mark")
            .column("participants", "участников", "количество участников", "число участников")
            .column("mark2", "отметка 2", "отметка «2»")
            .column("mark3", "отметка 3", "отметка «3»")
            .column("mark4", "отметка 4", "отметка «4»")
            .column("mark5", "отметка 5", "отметка «5»")
            .column("below_min", "ниже минимума", "не преодолели минимальный порог")
            .column("mean_score", "средний балл");

    @Override
    public String code() {
        return "exam_aggregates";
    }

    @Override
    public String russianName() {
        return "результаты по школам";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 20;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<ExamAggregateRow> staging() {
        return ExamAggregateRow.STAGING;
    }

    @Override
    public RowValidator<ExamAggregateRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new ExamAggregateValidator(header, load));
    }
}
