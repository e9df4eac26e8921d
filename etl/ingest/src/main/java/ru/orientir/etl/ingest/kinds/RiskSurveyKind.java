package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.survey.RiskSurveyRow;
import ru.orientir.etl.ingest.survey.RiskSurveyValidator;

/** ФИОКО's risk profiles (500+): one row per school, year and risk, with its level. */
public final class RiskSurveyKind implements InputKind<RiskSurveyRow> {
    private static final KindHeader HEADER = KindHeader.requiring("year", "school_id", "risk", "level")
            .column("risk", "риск", "рисковый профиль", "фактор риска", "рисковый фактор")
            .column("level", "уровень", "уровень риска", "выраженность риска");

    @Override
    public String code() {
        return "risk_survey";
    }

    @Override
    public String russianName() {
        return "рисковые профили ФИОКО";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 40;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<RiskSurveyRow> staging() {
        return RiskSurveyRow.STAGING;
    }

    @Override
    public RowValidator<RiskSurveyRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new RiskSurveyValidator(header, load));
    }
}
