package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The staffing of each school, year by year ({@code staffing_<year>}): pedagogical staff,
 * of them teachers, vacancies, teachers of pension age and without subject training, the
 * average teaching load and whether the head changed.
 *
 * <p>Sizes follow the school (about one teacher per 17 students in towns, per 11 in villages,
 * with a floor by type); shortages, ageing and out-of-field teaching follow the school's
 * disadvantage and rurality; heads change in about 10 % of schools a year, more often in
 * schools on the list. Counts are consistent: pension-age and untrained teachers never
 * exceed the teachers, teachers never exceed the staff.
 */
final class Staffing {

    private final List<SyntheticSchool> schools;
    private final SchoolContexts contexts;
    private final double[] riskZ;
    private final int[] teachers;
    private final double[] pensionShare;
    private final double[] untrainedShare;

    Staffing(List<SyntheticSchool> schools, SchoolContexts contexts, double[] riskZ, SplittableRandom random) {
        this.schools = schools;
        this.contexts = contexts;
        this.riskZ = riskZ;
        int n = schools.size();
        teachers = new int[n];
        pensionShare = new double[n];
        untrainedShare = new double[n];
        for (int i = 0; i < n; i++) {
            SyntheticSchool school = schools.get(i);
            int floor = switch (school.type()) {
                case PRIMARY -> 2;
                case BASIC -> 6;
                default -> 10;
            };
            double ratio = school.urban() ? 17 : 11;
            teachers[i] = Math.max(floor, (int) Math.round(school.students() / ratio * StrictMath.exp(0.08 * Gaussian.next(random))));
            double d = contexts.disadvantage(i);
            double rural = school.urban() ? 0 : 1;
            pensionShare[i] = clamp(0.17 + 0.05 * d + 0.07 * rural + 0.06 * Gaussian.next(random), 0.0, 0.7);
            untrainedShare[i] = clamp(0.03 + 0.04 * Math.max(0, d) + (school.small() ? 0.12 : 0)
                    + 0.03 * Gaussian.next(random), 0.0, 0.8);
        }
    }

    /** Writes one year's staffing in school order; {@code listed} is next year's official list. */
    void write(TableSink sink, int year, boolean[] listed, SplittableRandom random) throws IOException {
        long[] sums = new long[6];
        double loadSum = 0;
        Integer yearCell = year;
        for (int i = 0; i < schools.size(); i++) {
            SyntheticSchool school = schools.get(i);
            double d = contexts.disadvantage(i);
            int teach = Math.max(1, teachers[i] + (random.nextDouble() < 0.3 ? random.nextInt(3) - 1 : 0));
            int staff = teach + (int) Math.round(teach * 0.12) + (school.students() > 300 ? 3 : 1) + random.nextInt(2);
            int vacancies = poisson(0.15 + 0.35 * Math.max(0, d) + (school.urban() ? 0 : 0.2) + teach / 60.0, random);
            int pension = binomial(teach, pensionShare[i], random);
            int untrained = binomial(teach, untrainedShare[i], random);
            double load = clamp(22 + 1.2 * vacancies + (school.urban() ? 0 : 1.5) + 1.5 * Gaussian.next(random), 18, 36);
            double headChange = 0.07 + 0.03 * Math.max(0, riskZ[i]) + (listed[i] ? 0.08 : 0);
            boolean changed = random.nextDouble() < headChange;
            sink.row(yearCell, school.id(), school.name(), school.students(), staff, teach, vacancies, pension,
                    untrained, TableSink.decimal(load, 1), changed ? "да" : "нет");
            sums[0] += school.students();
            sums[1] += staff;
            sums[2] += teach;
            sums[3] += vacancies;
            sums[4] += pension;
            sums[5] += untrained;
            loadSum += load;
        }
        // Regions' «Итого» rows add up the counts and average the load.
        sink.totals(null, null, null, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                TableSink.decimal(loadSum / schools.size(), 1), null);
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int binomial(int n, double p, SplittableRandom random) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += random.nextDouble() < p ? 1 : 0;
        }
        return k;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
