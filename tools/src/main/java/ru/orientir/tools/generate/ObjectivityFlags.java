package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ФИОКО's list of schools with signs of non-objective ВПР results ({@code objectivity_flags_<year>}):
 * about 2 % of the schools a year (at least one), each with a note naming the ВПР concerned.
 *
 * <p>Who is flagged leans to schools whose ВПР came out better than their context predicts: a
 * high latent risk but not on the next year's list (whose membership is what the year's results
 * show), plus a lean of each school drawn once (some schools are flagged year after year) and a
 * little yearly noise. The schools' simulated marks themselves are not inflated: the flags are a
 * separate input, as they are in a region.
 */
final class ObjectivityFlags {

    private static final double SHARE = 0.02;
    private static final double RISK_WEIGHT = 0.7;
    private static final double LISTED_PENALTY = 3.0;
    private static final double YEAR_NOISE = 0.5;
    private static final List<String> PRIMARY_VPR = List.of("ВПР 4 кл., русский язык", "ВПР 4 кл., математика",
            "ВПР 4 кл., окружающий мир");
    private static final List<String> BASIC_VPR = List.of("ВПР 5 кл., математика", "ВПР 5 кл., русский язык",
            "ВПР 6 кл., математика", "ВПР 7 кл., русский язык", "ВПР 8 кл., математика");

    private final List<SyntheticSchool> schools;
    private final double[] riskZ;
    private final double[] lean;

    ObjectivityFlags(List<SyntheticSchool> schools, double[] riskZ, SplittableRandom random) {
        this.schools = schools;
        this.riskZ = riskZ;
        lean = new double[schools.size()];
        for (int i = 0; i < lean.length; i++) {
            lean[i] = Gaussian.next(random);
        }
    }

    /** How many schools a year's list names. */
    static int flaggedPerYear(int schools) {
        return Math.max(1, (int) Math.round(SHARE * schools));
    }

    /** Writes one year's flagged schools in school order; {@code listed} is next year's official list. */
    void write(TableSink sink, int year, boolean[] listed, SplittableRandom random) throws IOException {
        write(sink, year, listed, java.util.Set.of(), random);
    }

    /** The same, never naming a school of {@code notOpen} (closed, or not yet open, that year). */
    void write(TableSink sink, int year, boolean[] listed, java.util.Set<String> notOpen, SplittableRandom random)
            throws IOException {
        int n = schools.size();
        double[] suspicion = new double[n];
        for (int i = 0; i < n; i++) {
            suspicion[i] = lean[i] + RISK_WEIGHT * riskZ[i] - (listed[i] ? LISTED_PENALTY : 0)
                    + YEAR_NOISE * Gaussian.next(random);
            if (notOpen.contains(schools.get(i).id())) {
                suspicion[i] = Double.NEGATIVE_INFINITY;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Highest suspicion first; equal values by school order, so the choice never depends on the sort.
        Arrays.sort(order, (a, b) -> suspicion[a] != suspicion[b] ? Double.compare(suspicion[b], suspicion[a])
                : Integer.compare(a, b));
        boolean[] flagged = new boolean[n];
        for (int k = 0; k < flaggedPerYear(n); k++) {
            flagged[order[k]] = true;
        }
        Integer yearCell = year;
        for (int i = 0; i < n; i++) {
            if (flagged[i]) {
                SyntheticSchool school = schools.get(i);
                List<String> notes = school.type() == SchoolType.PRIMARY ? PRIMARY_VPR : BASIC_VPR;
                sink.row(yearCell, school.id(), notes.get(random.nextInt(notes.size())));
            }
        }
    }
}
