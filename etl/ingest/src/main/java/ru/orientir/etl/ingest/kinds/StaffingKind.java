package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.staffing.StaffingRow;
import ru.orientir.etl.ingest.staffing.StaffingValidator;

/** A school's staffing: one row per school and year. */
public final class StaffingKind implements InputKind<StaffingRow> {
    private static final KindHeader HEADER = KindHeader.requiring("year", "school_id", "staff", "teachers")
            .column("students", "обучающихся", "численность обучающихся")
            .column("staff", "педагогических работников")
            .column("teachers", "учителей")
            .column("vacancies", "вакансий")
            .column("teachers_pension_age", "учителей пенсионного возраста")
            .column("teachers_without_training", "учителей без профильной подготовки")
            .column("avg_load", "средняя нагрузка")
            .column("head_changed", "смена руководителя");

    @Override
    public String code() {
        return "staffing";
    }

    @Override
    public String russianName() {
        return "кадры";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    @Override
    public int detectionRank() {
        return 30;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<StaffingRow> staging() {
        return StaffingRow.STAGING;
    }

    @Override
    public RowValidator<StaffingRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new StaffingValidator(header, load));
    }
}
