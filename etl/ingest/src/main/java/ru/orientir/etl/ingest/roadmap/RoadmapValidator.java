package ru.orientir.etl.ingest.roadmap;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/** Roadmap indicators: yes/no, shares 0–1 (or per cent), scores 0–100; one row per school and year. */
public final class RoadmapValidator extends TypedRowValidator<RoadmapRow> {

    public RoadmapValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected RoadmapRow parse(FieldReader f) throws FieldException {
        int year = year(f, "year");
        String school = f.requiredText("school_id");
        return new RoadmapRow(year, school, f.optionalYesNo("curator_assigned"), f.optionalShare("iom_share"),
                f.optionalShare("training_share"), f.optionalYesNo("antirisk_programme"),
                f.optionalDecimal("head_self_score", 0, 100), f.optionalDecimal("head_external_score", 0, 100));
    }

    @Override
    protected String schoolId(RoadmapRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(RoadmapRow r) {
        return r.year() + "|" + r.schoolId();
    }

    @Override
    protected KeyedBy keyedBy() {
        return KeyedBy.yearSchool("stg_roadmap");
    }

    @Override
    protected String duplicateReason(RoadmapRow r) {
        return "повтор: показатели дорожной карты школы «" + r.schoolId() + "» за " + r.year() + " год";
    }
}
