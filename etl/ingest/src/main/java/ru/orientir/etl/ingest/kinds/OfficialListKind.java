package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.lists.OfficialListRow;
import ru.orientir.etl.ingest.lists.OfficialListRowValidator;

/** The official list of schools with low results (ШНОР): one row per school and list year. */
public final class OfficialListKind implements InputKind<OfficialListRow> {
    private static final KindHeader HEADER = KindHeader.requiring("list_year", "school_id")
            .column("list_year", "год списка")
            .column("reason", "основание", "причина");

    @Override
    public String code() {
        return "official_list";
    }

    @Override
    public String russianName() {
        return "официальный список";
    }

    /** After the reference, before the data kinds. */
    @Override
    public int loadOrder() {
        return 2;
    }

    @Override
    public int detectionRank() {
        return 60;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<OfficialListRow> staging() {
        return OfficialListRow.STAGING;
    }

    @Override
    public RowValidator<OfficialListRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new OfficialListRowValidator(header, load));
    }
}
