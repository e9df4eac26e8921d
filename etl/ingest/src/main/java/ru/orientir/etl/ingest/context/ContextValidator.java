package ru.orientir.etl.ingest.context;

import java.util.Locale;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/** Context indicators: shares within 0–1, counts and distances not negative, one row per school and year. */
public final class ContextValidator extends TypedRowValidator<ContextRow> {

    public ContextValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected ContextRow parse(FieldReader f) throws FieldException {
        int year = year(f, "year");
        String school = f.requiredText("school_id");
        Integer population = f.optionalInt("settlement_population", 0, 30_000_000);
        return new ContextRow(year, school,
                f.optionalShare("parents_higher_education_share"),
                f.optionalShare("unemployed_parents_share"),
                f.optionalShare("low_income_share"),
                f.optionalShare("non_native_russian_share"),
                f.optionalShare("ovz_share"),
                population == null ? null : population.longValue(),
                f.optionalDecimal("distance_km", 0, 5_000),
                f.optionalYesNo("direct_transport"),
                internet(f),
                f.optionalDecimal("computers_per_100", 0, 1_000));
    }

    /** stable / unstable / none, in Russian or English. */
    private static String internet(FieldReader f) throws FieldException {
        String text = f.get("internet");
        if (text.isEmpty()) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT).replace('ё', 'е')) {
            case "стабильный", "есть", "stable", "да" -> "stable";
            case "нестабильный", "unstable", "с перебоями" -> "unstable";
            case "нет", "отсутствует", "none", "no" -> "none";
            default -> throw new FieldException("internet", "«" + text + "» — ожидается «стабильный», «нестабильный» или «нет»");
        };
    }

    @Override
    protected String schoolId(ContextRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(ContextRow r) {
        return r.year() + "|" + r.schoolId();
    }

    @Override
    protected KeyedBy keyedBy() {
        return KeyedBy.yearSchool("stg_school_context");
    }

    @Override
    protected String duplicateReason(ContextRow r) {
        return "повтор: контекст школы «" + r.schoolId() + "» за " + r.year() + " год";
    }
}
