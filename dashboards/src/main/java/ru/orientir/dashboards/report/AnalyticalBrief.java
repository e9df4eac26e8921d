package ru.orientir.dashboards.report;

import java.util.List;
import java.util.Map;

/**
 * The municipal analytical brief (аналитическая справка) as data: everything in it comes from the warehouse.
 * The context risk groups and staffing are for the assessment year (list year − 1); an empty list means the warehouse
 * has no such rows, and the brief says so.
 *
 * @param riskYear the year of the context risk profile used (the latest up to the assessment year), null without one
 * @param surveyYear the year of ФИОКО's survey risk profiles used (the same rule), null without any
 * @param wording the rule parameters in force, which the text names
 * @param forecast the early warning for list year + 1 (docs/methodology.md §9): tracks 2–3 of the plan
 * @param problems the problems the data show (§13.1), ordered by track and weight
 * @param plan the draft plan of measures by three tracks (§13.2)
 * @param cycle the returned plans of the year before and this year, the roadmap, and the effects (§13.4–13.5)
 */
public record AnalyticalBrief(String municipality, int listYear, List<School> schools, List<Integer> years,
                              List<Membership> membership, List<YearRow> yearOverYear, Integer riskYear,
                              List<RiskGroup> riskGroups, List<StaffingRow> staffing, Integer surveyYear,
                              List<RiskGroup> surveyGroups, Wording wording, Forecast forecast,
                              List<Problem> problems, List<DraftPlan.Row> plan, Cycle cycle) {

    /**
     * The rule parameters the brief's text names, from the configuration of the run whose marts it reads
     * (meta_run.config_json): the risk zone's near-threshold band (a share) and its trend years.
     */
    public record Wording(double nearThreshold, int trendYears) {
        public static final Wording DEFAULTS = new Wording(0.05, 2);

        /** «5 п. п.» */
        public String nearThresholdText() {
            double pp = Math.round(nearThreshold * 1000) / 10.0;
            String n = pp == Math.rint(pp) ? String.valueOf((long) pp)
                    : String.format(java.util.Locale.ROOT, "%.1f", pp).replace('.', ',');
            return n + " п. п.";
        }

        /** «два года подряд» */
        public String trendYearsText() {
            return switch (trendYears) {
                case 1 -> "год";
                case 2 -> "два года подряд";
                case 3 -> "три года подряд";
                case 4 -> "четыре года подряд";
                default -> trendYears + " лет подряд";
            };
        }
    }

    /** A school of the municipality from the school reference. */
    public record School(String id, String name, String settlement, String urbanRural, String schoolType,
                         String smallSchool, Integer students) {
        public boolean rural() {
            return urbanRural != null && urbanRural.toLowerCase().startsWith("сел");
        }

        public boolean small() {
            return smallSchool != null && List.of("да", "yes", "true", "1").contains(smallSchool.toLowerCase());
        }
    }

    /** A school's membership in every list year and its status and cluster in the brief's year. */
    public record Membership(String schoolId, String schoolName, Map<Integer, Boolean> onList, String statusWord,
                             Integer cluster, String clusterName, String clusterReason, int consecutiveYears,
                             int totalYears, String noDataReason, Boolean shnorShnsu) {
        public boolean everOnList() {
            return onList.values().stream().anyMatch(Boolean::booleanValue);
        }
    }

    /** One list year of the municipality, with the region's share beside it. Transition counts are null without history. */
    public record YearRow(int listYear, int schools, int onList, Integer entered, Integer firstTime, Integer returning,
                          Integer stayed, Integer left, double share, Double regionShare, Integer noData) {
    }

    /** One context risk across the municipality's schools: how many at each level, and who is at «высокий». */
    public record RiskGroup(String risk, int high, int medium, int low, int noData, List<String> highSchools,
                            List<String> highIds) {
        public RiskGroup {
            highSchools = List.copyOf(highSchools);
            highIds = List.copyOf(highIds);
        }

        /** The share of the schools with a level (not «нет данных») that are at «высокий»; null without any. */
        public Double highShare() {
            int judged = high + medium + low;
            return judged == 0 ? null : high * 1.0 / judged;
        }
    }

    /** A school's staffing in the assessment year (null where the file left a value out). */
    public record StaffingRow(String schoolId, String schoolName, Integer students, int staff, int teachers,
                              Integer vacancies, Integer pensionAge, Integer withoutTraining, Double avgLoad,
                              Boolean headChanged) {
    }

    /**
     * The early warning for list year + 1. {@code publishedYear} is the year the warehouse's forecast is for (null:
     * none published); when it is not list year + 1, {@code schools} is empty. {@code checks} are the region's
     * backtest years with figures.
     */
    public record Forecast(int year, Integer publishedYear, List<Watch> schools, List<Check> checks) {
        public Forecast {
            schools = List.copyOf(schools);
            checks = List.copyOf(checks);
        }

        public List<Watch> recommended() {
            return schools.stream().filter(Watch::recommended).toList();
        }

        /** Schools in the «высокий» or «средний» band that the recommended list does not hold: for track 3. */
        public List<Watch> alsoWatch() {
            return schools.stream().filter(w -> !w.recommended() && w.band() != null && !"низкий".equals(w.band()))
                    .toList();
        }

        /** Whose list is recommended: «модель» or «правило зоны риска» (null without any school). */
        public String method() {
            return schools.stream().map(Watch::method).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        /** The reason the region has no model («недостаточно истории: …»), null when it has one. */
        public String lacking() {
            return schools.stream().map(Watch::note).filter(n -> n != null && n.startsWith("недостаточно истории"))
                    .findFirst().orElse(null);
        }
    }

    /** One school of the forecast; probability, rank and band are empty where note says why. */
    public record Watch(String schoolId, String schoolName, Double probability, Integer rank, String band,
                        String factors, boolean riskZone, boolean recommended, String method, String note) {
    }

    /** One checked past year: the share of entering schools found among the k riskiest, by the model and the rule. */
    public record Check(int listYear, int k, double recall, Double baselineRecall, Double auc) {
    }

    public AnalyticalBrief {
        riskGroups = List.copyOf(riskGroups);
        surveyGroups = List.copyOf(surveyGroups);
        wording = wording == null ? Wording.DEFAULTS : wording;
        staffing = List.copyOf(staffing);
        schools = List.copyOf(schools);
        years = List.copyOf(years);
        membership = List.copyOf(membership);
        yearOverYear = List.copyOf(yearOverYear);
        problems = List.copyOf(problems);
        plan = List.copyOf(plan);
        cycle = cycle == null ? new Cycle(List.of(), List.of(), List.of()) : cycle;
    }

    /** What came back of the management cycle: the returned plans' measures, the roadmap by year, the effects. */
    public record Cycle(List<PlanItem> measures, List<RoadmapYear> roadmap, List<Effect> effects) {
        public Cycle {
            measures = List.copyOf(measures);
            roadmap = List.copyOf(roadmap);
            effects = List.copyOf(effects);
        }

        public List<PlanItem> of(int listYear) {
            return measures.stream().filter(m -> m.listYear() == listYear).toList();
        }
    }

    /** A returned plan's measure with its state on the day its file loaded (v_plan). */
    public record PlanItem(int listYear, int track, String measure, String type, String schools, String deadline,
                           String owner, String indicator, Double baseline, Double target, Double actual, String state,
                           Integer targetMet) {
    }

    /** The municipality's roadmap in a year: schools reporting, shares and means over those that gave a value. */
    public record RoadmapYear(int year, long reporting, Double curator, Double iom, Double training, Double antirisk,
                              Double headSelf, Double headExternal) {
    }

    /** One estimate of measure_effects (the region's). */
    public record Effect(int listYear, int track, String type, int treated, int controls, Double treatedChange,
                         Double controlChange, Double effect, Double ciLow, Double ciHigh, String note) {
    }

    /** The problems of one track (3: the municipality's). */
    public List<Problem> problems(int track) {
        return problems.stream().filter(p -> p.track() == track).toList();
    }

    /** The plan's measures of one track. */
    public List<DraftPlan.Row> plan(int track) {
        return plan.stream().filter(r -> r.track() == track).toList();
    }

    public long ruralSchools() {
        return schools.stream().filter(School::rural).count();
    }

    public long smallSchools() {
        return schools.stream().filter(School::small).count();
    }

    public int students() {
        return schools.stream().mapToInt(s -> s.students() == null ? 0 : s.students()).sum();
    }

    public List<Membership> inCluster(int cluster) {
        return membership.stream().filter(m -> m.cluster() != null && m.cluster() == cluster).toList();
    }

    public int assessmentYear() {
        return listYear - 1;
    }

    /** Schools off the list whose cluster could not be decided for want of results («нет данных»). */
    public List<Membership> undecided() {
        return membership.stream().filter(m -> m.cluster() == null && "нет данных".equals(m.clusterName())).toList();
    }

    /** The regional programme's target group (docs/methodology.md §6): ШНОР and ШНСУ at once. */
    public List<Membership> programmeGroup() {
        return membership.stream().filter(m -> Boolean.TRUE.equals(m.shnorShnsu())).toList();
    }

    public static final Map<Integer, String> CLUSTERS = Map.of(
            1, "Кластер 1 — положительная динамика (вышли из списка в этом году)",
            2, "Кластер 2 — впервые в списке",
            3, "Кластер 3 — повторно в списке (остались или вернулись)",
            4, "Кластер 4 — зона риска снижения образовательных результатов");
}
