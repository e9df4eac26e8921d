package ru.orientir.etl.analytics.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * docs/methodology.md §13.5: did the measures of a municipal plan go with better results the next year? For each plan
 * year L, track and measure type, the schools that got the measure (status «выполнено» or «в работе») are compared
 * with comparable schools that did not get a measure of that type that year: the k nearest by ИСБ, size and starting
 * share of «2» (year L − 1). The outcome is the change in the share of «2» over every judged procedure from L − 1 to L;
 * the estimate is the mean over the treated of (own change − the mean change of its matches): a difference in
 * differences, with a 95 % interval from the spread of those differences. It is an association for discussion, never
 * proof: the schools that got a measure were chosen for a reason the matching may not capture.
 */
public final class MeasureEffects {
    /** The statuses that mean the school got the measure. */
    public static final Set<String> RECEIVED = Set.of("выполнено", "в работе");
    /** Fewer treated schools than this give no estimate. */
    public static final int MIN_TREATED = 3;
    /** Matches per treated school (nearest, with replacement). */
    public static final int MATCHES = 3;

    /** A school's pooled results in a year: «2» (or below the minimum) of participants, over judged procedures. */
    public record Results(int year, String schoolId, long failed, long participants) {
        double share() {
            return failed * 1.0 / participants;
        }
    }

    /** One measure row of a returned plan: «все» schools are expanded by the caller to the municipality's. */
    public record Measure(int listYear, int track, String type, List<String> schoolIds, String status) {
    }

    /** The estimate for one plan year, track and measure type. */
    public record Effect(int listYear, int track, String measureType, int treated, int controls, Double treatedChange,
                         Double controlChange, Double effect, Double ciLow, Double ciHigh, String note) {
    }

    private MeasureEffects() {
    }

    /**
     * @param results every school-year's pooled results
     * @param isb ИСБ by "year|school" (may lack schools: they are matched on the other two)
     */
    public static List<Effect> estimate(List<Measure> measures, List<Results> results, Map<String, Double> isb) {
        Map<String, Results> byKey = new HashMap<>();
        for (Results r : results) {
            if (r.participants() > 0) {
                byKey.put(r.year() + "|" + r.schoolId(), r);
            }
        }
        Set<Integer> years = new HashSet<>();
        results.forEach(r -> years.add(r.year()));
        // plan year → type → schools that got it (any track); plan year, track, type → those schools
        Map<Integer, Map<String, Set<String>>> gotType = new HashMap<>();
        Map<String, Set<String>> treatedBy = new TreeMap<>();
        for (Measure m : measures) {
            if (m.type() == null || !RECEIVED.contains(m.status())) {
                continue;
            }
            gotType.computeIfAbsent(m.listYear(), y -> new HashMap<>()).computeIfAbsent(m.type(), t -> new HashSet<>())
                    .addAll(m.schoolIds());
            treatedBy.computeIfAbsent(m.listYear() + "|" + m.track() + "|" + m.type(), k -> new HashSet<>())
                    .addAll(m.schoolIds());
        }
        List<Effect> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : treatedBy.entrySet()) {
            String[] key = e.getKey().split("\\|", 3);
            int year = Integer.parseInt(key[0]);
            int track = Integer.parseInt(key[1]);
            String type = key[2];
            if (!years.contains(year)) {
                out.add(none(year, track, type, e.getValue().size(), "результатов " + year + " года ещё нет: эффект "
                        + "оценивается по результатам года, в котором меры проводились"));
                continue;
            }
            out.add(estimate(year, track, type, e.getValue(), gotType.get(year).get(type), byKey, isb));
        }
        out.sort(Comparator.comparingInt(Effect::listYear).thenComparingInt(Effect::track)
                .thenComparing(Effect::measureType));
        return out;
    }

    private static Effect estimate(int year, int track, String type, Set<String> treatedIds, Set<String> excluded,
                                   Map<String, Results> byKey, Map<String, Double> isb) {
        List<Unit> treated = new ArrayList<>();
        List<Unit> pool = new ArrayList<>();
        for (Results before : byKey.values()) {
            if (before.year() != year - 1) {
                continue;
            }
            Results after = byKey.get(year + "|" + before.schoolId());
            if (after == null) {
                continue; // closed, or no judged results in the year of the measures: no outcome
            }
            Unit u = new Unit(before.schoolId(), isb.get((year - 1) + "|" + before.schoolId()),
                    Math.log(before.participants()), before.share(), after.share() - before.share());
            if (treatedIds.contains(before.schoolId())) {
                treated.add(u);
            } else if (!excluded.contains(before.schoolId())) {
                pool.add(u);
            }
        }
        treated.sort(Comparator.comparing(Unit::id));
        pool.sort(Comparator.comparing(Unit::id));
        if (treated.size() < MIN_TREATED) {
            return none(year, track, type, treated.size(), "мало школ с результатами за " + (year - 1) + " и " + year
                    + " годы: " + treated.size() + " (нужно не меньше " + MIN_TREATED + ")");
        }
        if (pool.size() < MATCHES) {
            return none(year, track, type, treated.size(), "нет сопоставимых школ без этой меры: " + pool.size());
        }
        Scale scale = Scale.of(treated, pool);
        double[] diffs = new double[treated.size()];
        double sumTreated = 0;
        double sumControl = 0;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < treated.size(); i++) {
            Unit t = treated.get(i);
            List<Unit> nearest = pool.stream()
                    .sorted(Comparator.comparingDouble((Unit c) -> scale.distance(t, c)).thenComparing(Unit::id))
                    .limit(MATCHES).toList();
            double control = nearest.stream().mapToDouble(Unit::change).average().orElseThrow();
            nearest.forEach(c -> used.add(c.id()));
            diffs[i] = t.change() - control;
            sumTreated += t.change();
            sumControl += control;
        }
        int n = diffs.length;
        double mean = 0;
        for (double d : diffs) {
            mean += d;
        }
        mean /= n;
        double ss = 0;
        for (double d : diffs) {
            ss += (d - mean) * (d - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double half = tQuantile975(n - 1) * se;
        String note = "связь для обсуждения, не доказательство: школы получили меру не случайно";
        return new Effect(year, track, type, n, used.size(), sumTreated / n, sumControl / n, mean, mean - half,
                mean + half, note);
    }

    private static Effect none(int year, int track, String type, int treated, String note) {
        return new Effect(year, track, type, treated, 0, null, null, null, null, null, note);
    }

    /** Student's t, two-sided 95 %: exact to three decimals up to 30 degrees of freedom, then the normal's 1.96. */
    static double tQuantile975(int df) {
        double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
                2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
                2.042};
        return df >= 1 && df <= t.length ? t[df - 1] : 1.960;
    }

    private record Unit(String id, Double isb, double logSize, double share, double change) {
    }

    /** Standardises the three matching variables over treated and pool; a missing ИСБ counts as the mean. */
    private record Scale(double isbMean, double isbSd, double sizeSd, double shareSd) {
        static Scale of(List<Unit> treated, List<Unit> pool) {
            List<Unit> all = new ArrayList<>(treated);
            all.addAll(pool);
            double[] isb = all.stream().filter(u -> u.isb() != null).mapToDouble(Unit::isb).toArray();
            double isbMean = isb.length == 0 ? 0 : java.util.Arrays.stream(isb).average().orElse(0);
            return new Scale(isbMean, sd(isb), sd(all.stream().mapToDouble(Unit::logSize).toArray()),
                    sd(all.stream().mapToDouble(Unit::share).toArray()));
        }

        double distance(Unit a, Unit b) {
            double ia = a.isb() == null ? isbMean : a.isb();
            double ib = b.isb() == null ? isbMean : b.isb();
            return sq((ia - ib) / isbSd) + sq((a.logSize() - b.logSize()) / sizeSd) + sq((a.share() - b.share()) / shareSd);
        }

        private static double sq(double x) {
            return x * x;
        }

        /** The standard deviation, or 1 where it is zero or undefined (the variable then does not separate). */
        private static double sd(double[] v) {
            if (v.length < 2) {
                return 1;
            }
            double m = java.util.Arrays.stream(v).average().orElse(0);
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            double sd = Math.sqrt(ss / (v.length - 1));
            return sd > 0 ? sd : 1;
        }
    }

    /** The measures of a plan expanded: «все» to the municipality's schools of that list year. */
    public static List<Measure> expand(List<PlanMeasure> rows, Map<String, List<String>> schoolsByMunicipalityYear) {
        List<Measure> out = new ArrayList<>();
        for (PlanMeasure r : rows) {
            List<String> ids = "все".equals(r.schools())
                    ? schoolsByMunicipalityYear.getOrDefault(r.municipality() + "|" + r.listYear(), List.of())
                    : List.of(r.schools().split(";\\s*"));
            out.add(new Measure(r.listYear(), r.track(), r.type(), ids, r.status()));
        }
        return out;
    }

    /** A plan row as loaded. */
    public record PlanMeasure(String municipality, int listYear, int track, String type, String schools, String status) {
    }

    /** Schools by "municipality|list year", in id order. */
    public static Map<String, List<String>> index(List<String[]> statusRows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] r : statusRows) {
            out.computeIfAbsent(r[0] + "|" + r[1], k -> new ArrayList<>()).add(r[2]);
        }
        out.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        return out;
    }
}
