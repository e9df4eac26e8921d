package ru.orientir.etl.ingest.survey;

import java.util.List;
import java.util.Locale;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/**
 * ФИОКО 500+ survey risk profiles: a risk named (free text, as the survey words it) with a level of высокий / средний /
 * низкий, long forms such as «Высокий уровень риска» read as the short word; one row per school, year and risk.
 */
public final class RiskSurveyValidator extends TypedRowValidator<RiskSurveyRow> {
    public static final List<String> LEVELS = List.of("высокий", "средний", "низкий");
    /** What may follow the level word in the long forms: «высокий уровень риска», «средний уровень», «низкий риск». */
    private static final List<String> LEVEL_SUFFIXES = List.of("", "уровень", "уровень риска", "риск");

    public RiskSurveyValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    protected RiskSurveyRow parse(FieldReader f) throws FieldException {
        int year = year(f, "year");
        String school = f.requiredText("school_id");
        String risk = collapse(f.requiredText("risk"));
        return new RiskSurveyRow(year, school, risk, level(f));
    }

    /** The short lower-case level word, or a FieldException listing the allowed values. */
    static String level(FieldReader f) throws FieldException {
        String text = f.get("level");
        if (text.isEmpty()) {
            throw new FieldException("level", "пустое значение — ожидается «высокий», «средний» или «низкий»");
        }
        String normal = collapse(text).toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (String level : LEVELS) {
            if (normal.startsWith(level) && LEVEL_SUFFIXES.contains(normal.substring(level.length()).strip())) {
                return level;
            }
        }
        throw new FieldException("level", "«" + text + "» — ожидается «высокий», «средний» или «низкий» "
                + "(допускается и полная форма, например «высокий уровень риска»)");
    }

    /** Trimmed, every run of spaces (including non-breaking) and line breaks as one space. */
    static String collapse(String text) {
        return text.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
    }

    @Override
    protected String schoolId(RiskSurveyRow row) {
        return row.schoolId();
    }

    @Override
    protected String key(RiskSurveyRow r) {
        return r.year() + "|" + r.schoolId() + "|" + r.risk();
    }

    @Override
    protected KeyedBy keyedBy() {
        return new KeyedBy("stg_risk_survey", "CAST(t.year AS VARCHAR) || '|' || t.school_id || '|' || t.risk");
    }

    @Override
    protected String duplicateReason(RiskSurveyRow r) {
        return "повтор: риск «" + r.risk() + "» школы «" + r.schoolId() + "» за " + r.year() + " год";
    }
}
