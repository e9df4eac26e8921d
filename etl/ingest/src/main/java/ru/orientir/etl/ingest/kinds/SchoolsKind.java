package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.schools.SchoolRow;
import ru.orientir.etl.ingest.schools.SchoolRowValidator;

/** The school reference: one row per school; columns beyond ours are kept in {@code extra_json}. Loads first. */
public final class SchoolsKind implements InputKind<SchoolRow> {
    // «Ликвидация» and «реорганизация» are closing (a reorganised school continues under another code, if at all).
    private static final KindHeader HEADER = KindHeader.requiring("school_id", "name", "municipality")
            .orInstead("name", "school_name")
            .column("opened", "год открытия", "дата открытия", "год основания")
            .column("closed", "год закрытия", "дата закрытия", "ликвидация", "год ликвидации", "дата ликвидации",
                    "реорганизация", "год реорганизации", "дата реорганизации")
            // The year a row describes the school from (docs/methodology.md §3.5): not «год» / «учебный год», which
            // with a school code, name and municipality make ФИОКО's list of flagged schools.
            .column("as_of_year", "по состоянию на год", "год справочника", "учебный год справочника")
            // The subject of the Russian Federation (docs/methodology.md §0): optional; without it the school belongs to
            // the installation's one region.
            .column("region", "код субъекта", "код субъекта рф", "код региона", "регион", "субъект рф");

    @Override
    public String code() {
        return "schools";
    }

    @Override
    public String russianName() {
        return "справочник школ";
    }

    @Override
    public int loadOrder() {
        return 1;
    }

    /** Last: every other kind but the official list also names a school and often its municipality. */
    @Override
    public int detectionRank() {
        return 80;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<SchoolRow> staging() {
        return SchoolRow.STAGING;
    }

    @Override
    public RowValidator<SchoolRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new SchoolRowValidator(header, load));
    }

    @Override
    public boolean keepsEarlierVersions() {
        return true;
    }
}
