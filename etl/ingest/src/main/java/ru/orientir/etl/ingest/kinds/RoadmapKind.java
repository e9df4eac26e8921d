package ru.orientir.etl.ingest.kinds;

import java.util.List;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.roadmap.RoadmapRow;
import ru.orientir.etl.ingest.roadmap.RoadmapValidator;

/**
 * The regional and municipal roadmaps' indicators per school and year (docs/methodology.md §13.3); any one of them
 * makes the file this kind.
 */
public final class RoadmapKind implements InputKind<RoadmapRow> {
    private static final KindHeader HEADER = KindHeader.requiring("year", "school_id")
            .column("curator_assigned", "куратор назначен", "назначен куратор", "куратор")
            .column("iom_share", "доля обучающихся группы риска с ИОМ", "охват ИОМ", "доля обучающихся с ИОМ")
            .column("training_share", "охват повышения квалификации",
                    "доля педагогов, прошедших повышение квалификации", "доля педагогов с повышением квалификации")
            .column("antirisk_programme", "антирисковая программа принята", "антирисковая программа")
            .column("head_self_score", "самооценка компетенций руководителя", "диагностика руководителя: самооценка")
            .column("head_external_score", "внешняя оценка компетенций руководителя",
                    "диагностика руководителя: внешняя оценка");

    private static final KindHeader DETECTED_BY = HEADER.andAnyOf(List.copyOf(HEADER.columns().keySet()));

    @Override
    public String code() {
        return "roadmap";
    }

    @Override
    public String russianName() {
        return "показатели дорожной карты";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 45;
    }

    @Override
    public KindHeader header() {
        return DETECTED_BY;
    }

    @Override
    public StagingTable<RoadmapRow> staging() {
        return RoadmapRow.STAGING;
    }

    @Override
    public RowValidator<RoadmapRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new RoadmapValidator(header, load));
    }
}
