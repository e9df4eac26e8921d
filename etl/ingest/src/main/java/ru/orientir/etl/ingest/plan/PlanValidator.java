package ru.orientir.etl.ingest.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ru.orientir.etl.ingest.FieldException;
import ru.orientir.etl.ingest.FieldReader;
import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.LoadContext;
import ru.orientir.etl.ingest.TypedRowValidator;

/**
 * A municipality's returned plan of measures: a known municipality, a list year, a track 1–3, the schools as «все» or
 * codes of the school reference, a deadline that is a date, a status of «выполнено», «в работе», «не начато», and
 * numbers for the baseline, target and actual values (a per cent sign divides by 100). One row per municipality,
 * list year, track, measure, schools and indicator.
 */
public final class PlanValidator extends TypedRowValidator<PlanRow> {
    public static final List<String> STATUSES = List.of("выполнено", "в работе", "не начато");
    public static final String ALL_SCHOOLS = "все";
    private static final String MUNICIPALITIES = "SELECT DISTINCT s.municipality, m.file FROM stg_schools s "
            + "JOIN meta_load m ON s.load_id = m.load_id WHERE m.status = 'loaded' AND m.file <> ?";
    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Set<String> municipalities = Set.of();

    public PlanValidator(Header header, LoadContext load) {
        super(header, load);
    }

    @Override
    public void open(org.springframework.batch.infrastructure.item.ExecutionContext context) {
        super.open(context);
        municipalities = load.keysOfOtherFiles(MUNICIPALITIES).keySet();
    }

    @Override
    protected PlanRow parse(FieldReader f) throws FieldException {
        String municipality = f.requiredText("municipality");
        if (!municipalities.contains(municipality)) {
            throw new FieldException("municipality", "«" + municipality + "» нет в справочнике школ — напишите "
                    + "муниципалитет так, как он назван в справочнике");
        }
        int listYear = year(f, "list_year");
        String measure = f.requiredText("measure");
        int track = track(f);
        String schools = schools(f);
        String deadline = deadline(f);
        String indicator = f.requiredText("indicator");
        String status = status(f);
        String owner = f.get("owner");
        String type = f.get("measure_type");
        return new PlanRow(municipality, listYear, measure, track, schools, deadline, owner.isEmpty() ? null : owner,
                indicator, value(f, "baseline"), value(f, "target"), status, value(f, "actual"),
                type.isEmpty() ? null : type);
    }

    private static int track(FieldReader f) throws FieldException {
        String text = f.get("track");
        String digits = text.toLowerCase(Locale.ROOT).replace("трек", "").strip();
        if (!List.of("1", "2", "3", "1.0", "2.0", "3.0").contains(digits)) {
            throw new FieldException("track", (text.isEmpty() ? "пустое значение" : "«" + text + "»")
                    + " — ожидается 1, 2 или 3");
        }
        return Integer.parseInt(digits.substring(0, 1));
    }

    /** «все», or the codes separated by «;» or «,», normalised to «A; B». */
    private static String schools(FieldReader f) throws FieldException {
        String text = f.requiredText("schools");
        if (text.strip().equalsIgnoreCase(ALL_SCHOOLS) || text.strip().equalsIgnoreCase("все школы")) {
            return ALL_SCHOOLS;
        }
        List<String> codes = new ArrayList<>();
        for (String part : text.split("[;,\\n]")) {
            if (!part.isBlank()) {
                codes.add(part.strip());
            }
        }
        return String.join("; ", codes);
    }

    /** An ISO date from «31.05.2023», «2023-05-31» or an XLSX date cell; a FieldException otherwise. */
    static String deadline(FieldReader f) throws FieldException {
        String text = f.requiredText("deadline").strip();
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
                return LocalDate.parse(text.substring(0, 10)).toString();
            }
            return LocalDate.parse(text, RUSSIAN).toString();
        } catch (DateTimeParseException e) {
            throw new FieldException("deadline", "«" + text + "» — не дата; ожидается ДД.ММ.ГГГГ, например 31.05.2023");
        }
    }

    private static String status(FieldReader f) throws FieldException {
        String text = f.get("status");
        String normal = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        if (!STATUSES.contains(normal)) {
            throw new FieldException("status", (text.isEmpty() ? "пустое значение" : "«" + text + "»")
                    + " — ожидается «выполнено», «в работе» или «не начато»");
        }
        return normal;
    }

    /** A number as written, or a per cent (35% → 0.35); null when empty. */
    private static Double value(FieldReader f, String column) throws FieldException {
        String text = f.get(column);
        if (text.isEmpty()) {
            return null;
        }
        if (text.strip().endsWith("%")) {
            return f.optionalShare(column);
        }
        return f.optionalDecimal(column, -1e12, 1e12);
    }

    @Override
    protected String schoolId(PlanRow row) {
        return null;
    }

    @Override
    protected List<String> schoolIds(PlanRow row) {
        return ALL_SCHOOLS.equals(row.schools()) ? List.of() : List.of(row.schools().split("; "));
    }

    @Override
    protected String schoolColumn() {
        return "schools";
    }

    @Override
    protected String key(PlanRow r) {
        return r.municipality() + "|" + r.listYear() + "|" + r.track() + "|" + r.measure() + "|" + r.schools() + "|"
                + r.indicator();
    }

    @Override
    protected KeyedBy keyedBy() {
        return new KeyedBy("stg_municipal_plan", "t.municipality || '|' || CAST(t.list_year AS VARCHAR) || '|' || "
                + "CAST(t.track AS VARCHAR) || '|' || t.measure || '|' || t.schools || '|' || t.indicator");
    }

    @Override
    protected String duplicateReason(PlanRow r) {
        return "повтор: мероприятие «" + r.measure() + "» (трек " + r.track() + ", школы " + r.schools()
                + ", показатель «" + r.indicator() + "») плана " + r.municipality() + " на " + r.listYear() + " год";
    }
}
