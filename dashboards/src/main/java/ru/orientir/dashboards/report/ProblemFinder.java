package ru.orientir.dashboards.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import ru.orientir.dashboards.report.AnalyticalBrief.RiskGroup;
import ru.orientir.dashboards.report.AnalyticalBrief.StaffingRow;
import ru.orientir.dashboards.report.Problem.Unit;

/**
 * The brief's «Выявленные проблемы» (docs/methodology.md §13.1): from the assessment year's results, objectivity
 * signals, staffing and risk profiles, the problems of each school in tracks 1–2 and of the municipality as a whole
 * (track 3), each with the region's value beside it. Pure: the evidence is read by {@link BriefQuery}.
 */
public final class ProblemFinder {
    /** Shares compare with a tolerance, as the markers do: a share exactly at a bound is at it. */
    private static final double EPSILON = 1e-9;

    /** One procedure of one school in the assessment year (judged: 5 participants or more). */
    public record ResultRow(String schoolId, String schoolName, String procedure, int grade, String subject,
                            int participants, int failed, double share, double threshold, boolean marker,
                            Long regionFailed, Long regionParticipants) {
        /** «ВПР 5 класс, математика», «ОГЭ, математика» */
        public String label() {
            return procedure + ("ВПР".equals(procedure) ? " " + grade + " класс" : "") + ", " + subject;
        }

        String key() {
            return procedure + "|" + grade + "|" + subject;
        }

        Double regionShare() {
            return regionParticipants == null || regionParticipants == 0 ? null
                    : regionFailed * 1.0 / regionParticipants;
        }

        /** ЕГЭ counts results below the minimum score, the other procedures marks «2». */
        String indicator() {
            return "ЕГЭ".equals(procedure) ? "доля ниже минимального балла" : "доля «2»";
        }
    }

    /** One objectivity signal of one school in the assessment year. */
    public record Signal(String schoolId, String schoolName, String signal) {
    }

    /** The region's staffing in the assessment year. */
    public record RegionStaffing(long schools, long teachers, long vacancies, long pensionAge, long withoutTraining,
                                 long headChanged, long headReported) {
        public static final RegionStaffing NONE = new RegionStaffing(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Everything the problems are found from.
     *
     * @param tracks the track of each school problems are found for: 1 on the list, 2 in the risk zone or recommended
     *               by the early warning; schools absent are judged only as part of the municipality
     * @param names each school's name
     * @param riskRegion by source|risk: the region's share of schools at «высокий»
     * @param nearThreshold the risk zone's band below a threshold (analytics.clusters.near-threshold)
     * @param municipalRatio how many times the region's value the municipality's must reach to be a problem
     */
    public record Evidence(List<ResultRow> results, List<Signal> signals, long regionFlagged, long regionSchools,
                           List<StaffingRow> staffing, RegionStaffing regionStaffing, List<RiskGroup> contextRisks,
                           List<RiskGroup> surveyRisks, Map<String, Double> riskRegion, Map<String, Integer> tracks,
                           Map<String, String> names, int schools, double nearThreshold, double municipalRatio) {
    }

    private ProblemFinder() {
    }

    /** Every problem, ordered: by track, then by kind ({@link Problem#TYPES}), then the most above the region first. */
    public static List<Problem> find(Evidence e) {
        List<Problem> out = new ArrayList<>();
        results(e, out);
        objectivity(e, out);
        staffing(e, out);
        risks(e, e.contextRisks(), "context", "context_risk", out);
        risks(e, e.surveyRisks(), "survey", "survey_risk", out);
        out.sort(Comparator.comparingInt(Problem::track).thenComparing(Problem::rank)
                .thenComparing(Comparator.comparingDouble(Problem::ratio).reversed())
                .thenComparing(p -> p.schoolId() == null ? "" : p.schoolId())
                .thenComparing(p -> p.subject() == null ? "" : p.subject()));
        return List.copyOf(out);
    }

    /** The whole municipality's share of «2» over every judged procedure, with the region's (the prevention measure). */
    public static double[] overallShares(List<ResultRow> results) {
        long failed = 0;
        long participants = 0;
        Map<String, long[]> region = new LinkedHashMap<>();
        for (ResultRow r : results) {
            failed += r.failed();
            participants += r.participants();
            if (r.regionParticipants() != null) {
                region.putIfAbsent(r.key(), new long[] {r.regionFailed(), r.regionParticipants()});
            }
        }
        long rf = region.values().stream().mapToLong(v -> v[0]).sum();
        long rp = region.values().stream().mapToLong(v -> v[1]).sum();
        return new double[] {participants == 0 ? Double.NaN : failed * 1.0 / participants,
                rp == 0 ? Double.NaN : rf * 1.0 / rp};
    }

    private static void results(Evidence e, List<Problem> out) {
        Map<String, long[]> municipal = new LinkedHashMap<>();
        Map<String, ResultRow> example = new LinkedHashMap<>();
        for (ResultRow r : e.results()) {
            long[] m = municipal.computeIfAbsent(r.key(), k -> new long[2]);
            m[0] += r.failed();
            m[1] += r.participants();
            example.putIfAbsent(r.key(), r);
            Integer track = e.tracks().get(r.schoolId());
            if (track == null) {
                continue;
            }
            Double region = r.regionShare();
            if (r.marker()) {
                out.add(new Problem("marker", track, r.schoolId(), r.schoolName(), r.label(), r.indicator(), r.share(),
                        region, Unit.SHARE, r.threshold(), ratio(r.share(), region)));
            } else if (r.share() >= r.threshold() - e.nearThreshold() - EPSILON) {
                out.add(new Problem("near_threshold", track, r.schoolId(), r.schoolName(), r.label(), r.indicator(),
                        r.share(), region, Unit.SHARE, r.threshold(), ratio(r.share(), region)));
            }
        }
        municipal.forEach((key, m) -> {
            ResultRow r = example.get(key);
            Double region = r.regionShare();
            double share = m[1] == 0 ? 0 : m[0] * 1.0 / m[1];
            if (m[1] > 0 && region != null && share > 0 && above(share, region, e.municipalRatio())) {
                out.add(new Problem("results", 3, null, null, r.label(), r.indicator(), share, region, Unit.SHARE,
                        r.threshold(), ratio(share, region)));
            }
        });
    }

    private static void objectivity(Evidence e, List<Problem> out) {
        Map<String, List<Signal>> bySchool = new LinkedHashMap<>();
        e.signals().forEach(s -> bySchool.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s));
        Double regionShare = e.regionSchools() == 0 ? null : e.regionFlagged() * 1.0 / e.regionSchools();
        bySchool.forEach((school, signals) -> {
            Integer track = e.tracks().get(school);
            if (track != null) {
                out.add(new Problem("objectivity", track, school, signals.get(0).schoolName(), null,
                        "сигналов необъективности", signals.size(), regionShare, Unit.COUNT, null,
                        ratio(1, regionShare)));
            }
        });
        if (e.schools() > 0 && regionShare != null) {
            double share = bySchool.size() * 1.0 / e.schools();
            if (share > 0 && above(share, regionShare, e.municipalRatio())) {
                out.add(new Problem("objectivity", 3, null, null, null, "доля школ с сигналами необъективности",
                        share, regionShare, Unit.SHARE, null, ratio(share, regionShare)));
            }
        }
    }

    private static void staffing(Evidence e, List<Problem> out) {
        RegionStaffing r = e.regionStaffing();
        Double vacancies = r.teachers() == 0 ? null : r.vacancies() * 100.0 / r.teachers();
        Double pension = r.teachers() == 0 ? null : r.pensionAge() * 1.0 / r.teachers();
        Double untrained = r.teachers() == 0 ? null : r.withoutTraining() * 1.0 / r.teachers();
        Double heads = r.headReported() == 0 ? null : r.headChanged() * 1.0 / r.headReported();
        for (StaffingRow s : e.staffing()) {
            Integer track = e.tracks().get(s.schoolId());
            if (track == null || s.teachers() <= 0) {
                continue;
            }
            if (s.vacancies() != null && s.vacancies() > 0) {
                double v = s.vacancies() * 100.0 / s.teachers();
                if (vacancies == null || above(v, vacancies, e.municipalRatio())) {
                    out.add(new Problem("vacancies", track, s.schoolId(), s.schoolName(), null,
                            "вакансий на 100 учителей", v, vacancies, Unit.PER_100, null, ratio(v, vacancies)));
                }
            }
            share(e, out, track, s, "pension_age", "доля учителей пенсионного возраста", s.pensionAge(), pension);
            share(e, out, track, s, "untrained", "доля учителей без профильной подготовки", s.withoutTraining(),
                    untrained);
            if (Boolean.TRUE.equals(s.headChanged())) {
                out.add(new Problem("head_change", track, s.schoolId(), s.schoolName(), null,
                        "руководитель сменился за год", 1, heads, Unit.FLAG, null, ratio(1, heads)));
            }
        }
        int teachers = e.staffing().stream().mapToInt(StaffingRow::teachers).sum();
        if (teachers > 0) {
            municipal(e, out, "vacancies", "вакансий на 100 учителей",
                    sum(e, StaffingRow::vacancies) * 100.0 / teachers, vacancies, Unit.PER_100);
            municipal(e, out, "pension_age", "доля учителей пенсионного возраста",
                    sum(e, StaffingRow::pensionAge) * 1.0 / teachers, pension, Unit.SHARE);
            municipal(e, out, "untrained", "доля учителей без профильной подготовки",
                    sum(e, StaffingRow::withoutTraining) * 1.0 / teachers, untrained, Unit.SHARE);
        }
        long reported = e.staffing().stream().filter(s -> s.headChanged() != null).count();
        if (reported > 0) {
            long changed = e.staffing().stream().filter(s -> Boolean.TRUE.equals(s.headChanged())).count();
            municipal(e, out, "head_change", "доля школ, где сменился руководитель", changed * 1.0 / reported, heads,
                    Unit.SHARE);
        }
    }

    private static int sum(Evidence e, Function<StaffingRow, Integer> field) {
        return e.staffing().stream().mapToInt(s -> Objects.requireNonNullElse(field.apply(s), 0)).sum();
    }

    private static void share(Evidence e, List<Problem> out, int track, StaffingRow s, String type, String indicator,
                              Integer count, Double region) {
        if (count == null || count <= 0) {
            return;
        }
        double v = count * 1.0 / s.teachers();
        if (region == null || above(v, region, e.municipalRatio())) {
            out.add(new Problem(type, track, s.schoolId(), s.schoolName(), null, indicator, v, region, Unit.SHARE, null,
                    ratio(v, region)));
        }
    }

    private static void municipal(Evidence e, List<Problem> out, String type, String indicator, double value,
                                  Double region, Unit unit) {
        if (value > 0 && region != null && above(value, region, e.municipalRatio())) {
            out.add(new Problem(type, 3, null, null, null, indicator, value, region, unit, null, ratio(value, region)));
        }
    }

    private static void risks(Evidence e, List<RiskGroup> groups, String source, String type, List<Problem> out) {
        for (RiskGroup g : groups) {
            Double region = e.riskRegion().get(source + "|" + g.risk());
            for (String school : g.highIds()) {
                Integer track = e.tracks().get(school);
                if (track != null) {
                    out.add(new Problem(type, track, school, e.names().getOrDefault(school, school), g.risk(),
                            "уровень риска «высокий»", 1, region, Unit.FLAG, null, ratio(1, region)));
                }
            }
            Double share = g.highShare();
            if (share != null && share > 0 && region != null && above(share, region, e.municipalRatio())) {
                out.add(new Problem(type, 3, null, null, g.risk(), "доля школ с высоким уровнем риска", share, region,
                        Unit.SHARE, null, ratio(share, region)));
            }
        }
    }

    /** At least {@code ratio} times the region's value (any positive value when the region's is zero). */
    static boolean above(double value, double region, double ratio) {
        return value >= region * ratio - EPSILON;
    }

    private static double ratio(double value, Double region) {
        return region == null || region <= 0 ? Double.POSITIVE_INFINITY : value / region;
    }
}
