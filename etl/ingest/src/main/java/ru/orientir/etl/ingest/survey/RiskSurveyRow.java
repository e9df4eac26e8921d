package ru.orientir.etl.ingest.survey;

import java.util.List;

import ru.orientir.etl.ingest.StagingTable;

/**
 * One risk of a school's ФИОКО 500+ survey profile in a year (docs/methodology.md («Входные данные»), §8): the risk as the survey names it
 * (spaces collapsed) and its level, one of высокий / средний / низкий.
 */
public record RiskSurveyRow(int year, String schoolId, String risk, String level) {

    /** stg_risk_survey: the columns after load_id and line. */
    public static final StagingTable<RiskSurveyRow> STAGING = new StagingTable<>("stg_risk_survey", List.of(
                    StagingTable.column("year", StagingTable.INT),
                    StagingTable.column("school_id", StagingTable.TEXT),
                    StagingTable.column("risk", StagingTable.TEXT),
                    StagingTable.column("level", StagingTable.TEXT)),
            r -> new Object[] {r.year(), r.schoolId(), r.risk(), r.level()});
}
