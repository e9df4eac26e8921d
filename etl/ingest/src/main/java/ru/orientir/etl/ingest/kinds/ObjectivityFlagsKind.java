package ru.orientir.etl.ingest.kinds;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.IngestSettings;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.StagingTable;
import ru.orientir.etl.ingest.objectivity.ObjectivityFlagRow;
import ru.orientir.etl.ingest.objectivity.ObjectivityFlagValidator;

/**
 * ФИОКО's list of schools with signs of non-objective ВПР: one row per school and year, with an optional note. Its
 * key is only {@code year, school_id}, so the kind is closed ({@link KindHeader}): a misspelt staffing or context file
 * fails with «не удалось определить тип файла» instead of loading as a list of flagged schools.
 */
public final class ObjectivityFlagsKind implements InputKind<ObjectivityFlagRow> {
    private static final KindHeader HEADER = KindHeader.requiring("year", "school_id")
            .closedWith("note", "school_name", "name", "municipality", "region")
            .column("note", "примечание", "комментарий");

    @Override
    public String code() {
        return "objectivity_flags";
    }

    @Override
    public String russianName() {
        return "список ФИОКО (объективность)";
    }

    @Override
    public int loadOrder() {
        return 3;
    }

    /** Just before the school reference: the loosest key, guarded by being closed. */
    @Override
    public int detectionRank() {
        return 70;
    }

    @Override
    public KindHeader header() {
        return HEADER;
    }

    @Override
    public StagingTable<ObjectivityFlagRow> staging() {
        return ObjectivityFlagRow.STAGING;
    }

    @Override
    public RowValidator<ObjectivityFlagRow> validator(Header header, LoadContext load, IngestSettings settings) {
        return RowValidator.of(new ObjectivityFlagValidator(header, load));
    }
}
