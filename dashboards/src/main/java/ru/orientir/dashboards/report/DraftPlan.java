package ru.orientir.dashboards.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import ru.orientir.dashboards.report.MeasureCatalogue.Entry;
import ru.orientir.dashboards.report.MeasureCatalogue.Target;
import ru.orientir.dashboards.report.Problem.Unit;

/**
 * The draft plan of measures by three tracks (docs/methodology.md §13.2): one measure per problem from the catalogue —
 * a school's problem gives a row for that school (tracks 1–2), the municipality's a row for all its schools (track 3)
 * — and the prevention measure every plan has. The municipality fills in the owners, edits the rest and returns it.
 */
public final class DraftPlan {
    /** What the plan's «школы» holds for a measure of every school of the municipality. */
    public static final String ALL_SCHOOLS = "все";
    /** The statuses a returned plan may give; a draft starts at the last. */
    public static final List<String> STATUSES = List.of("выполнено", "в работе", "не начато");
    /** The file's columns, in order: the contract with the municipality's returned plan (the ingest reads them). */
    public static final List<String> COLUMNS = List.of("мероприятие", "трек", "школы", "срок", "ответственный",
            "показатель", "базовое значение", "целевое значение", "статус", "фактическое значение", "муниципалитет",
            "год списка", "тип меры", "названия школ");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * One measure of the plan.
     *
     * @param schoolIds empty: every school of the municipality
     * @param unit how the baseline and target read
     */
    public record Row(String type, int track, String measure, List<String> schoolIds, List<String> schoolNames,
                      LocalDate deadline, String indicator, Double baseline, Double target, Unit unit) {
        public Row {
            schoolIds = List.copyOf(schoolIds);
            schoolNames = List.copyOf(schoolNames);
        }

        /** «все», or the school codes separated by «; ». */
        public String schoolsCell() {
            return schoolIds.isEmpty() ? ALL_SCHOOLS : String.join("; ", schoolIds);
        }

        public String namesCell() {
            return schoolIds.isEmpty() ? "все школы муниципалитета" : String.join("; ", schoolNames);
        }

        /** For people: «все школы муниципалитета» or «Школа A (A)». */
        public String schoolsText() {
            if (schoolIds.isEmpty()) {
                return "все школы муниципалитета";
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < schoolIds.size(); i++) {
                out.add(schoolNames.get(i) + " (" + schoolIds.get(i) + ")");
            }
            return String.join("; ", out);
        }

        public String baselineText() {
            return Problem.format(baseline, unit, true);
        }

        public String targetText() {
            return Problem.format(target, unit, true);
        }
    }

    private DraftPlan() {
    }

    /**
     * The plan's rows: the problems' measures in the problems' order (track 1, 2, then 3), then prevention.
     *
     * @param overall the municipality's and the region's share of «2» over every judged procedure (NaN: none)
     */
    public static List<Row> of(List<Problem> problems, MeasureCatalogue catalogue, int listYear, double[] overall) {
        List<Row> rows = new ArrayList<>();
        for (Problem p : problems) {
            Entry e = catalogue.entry(p.type());
            String subject = p.subject() == null ? Problem.typeName(p.type()) : p.subject();
            boolean done = e.target() == Target.DONE;
            String indicator = e.indicator() != null ? e.indicator().replace("{предмет}", subject)
                    : p.indicator() + (p.subject() == null ? "" : " (" + p.subject() + ")")
                            + (e.target() == Target.THRESHOLD ? ", цель — ниже порога маркера" : "");
            Double baseline = done ? 0.0 : p.value();
            Double target = target(e.target(), p.value(), p.region(), p.threshold());
            Unit unit = done ? Unit.COUNT : p.unit() == Unit.FLAG ? Unit.COUNT : p.unit();
            rows.add(new Row(p.type(), p.track(), e.measure().replace("{предмет}", subject),
                    p.schoolId() == null ? List.of() : List.of(p.schoolId()),
                    p.schoolId() == null ? List.of() : List.of(p.schoolName()), deadline(e, listYear), indicator,
                    baseline, target, unit));
        }
        Entry prevention = catalogue.entry("prevention");
        double own = overall[0];
        Double region = Double.isNaN(overall[1]) ? null : overall[1];
        rows.add(new Row("prevention", 3, prevention.measure(), List.of(), List.of(), deadline(prevention, listYear),
                prevention.indicator() == null ? "доля «2» по всем процедурам" : prevention.indicator(),
                Double.isNaN(own) ? null : own, Double.isNaN(own) ? null : target(prevention.target(), own, region, null),
                Unit.SHARE));
        return List.copyOf(rows);
    }

    private static LocalDate deadline(Entry e, int year) {
        String[] md = e.deadline().split("-");
        int month = Integer.parseInt(md[0]);
        int day = Math.min(Integer.parseInt(md[1]), java.time.YearMonth.of(year, month).lengthOfMonth());
        return LocalDate.of(year, month, day);
    }

    static Double target(Target rule, double value, Double region, Double threshold) {
        return switch (rule) {
            case THRESHOLD -> threshold != null ? threshold : region == null ? null : Math.min(value, region);
            case REGION -> region == null ? null : Math.min(value, region);
            case ZERO -> 0.0;
            case DONE -> 1.0;
        };
    }
}
