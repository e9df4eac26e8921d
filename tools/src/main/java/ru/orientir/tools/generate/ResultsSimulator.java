package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one school's results for one assessment year, student by student.
 *
 * <p>Each grade is a cohort of about students ÷ grades (fewer in grades 10–11; a small
 * school may have nobody in a grade). A student has one ability shared by all subjects and a
 * subject-specific part; the school-year has a level, and each assessment its own deviation
 * from it. A student's position on the logistic scale is mapped through the assessment's
 * regional distribution ({@link Assessment#score}), so the mark always follows the score.
 *
 * <p>The school-year level is where the official list comes in: a school on the list for
 * year Y+1 sits year Y's assessments at a low level (mark 2 ≥ 30 % in most of its ВПР and in
 * ОГЭ mathematics), the others at a level set by their latent risk (most far below 30 %, the
 * riskiest near it, so some unlisted schools have one or two markers, as in real regions).
 */
final class ResultsSimulator {

    /** Spread of students' positions on the logistic scale (about that of the standard logistic). */
    private static final double STUDENT_SPREAD = 1.7;
    /** Weight of the ability shared by all subjects; the rest is subject-specific. */
    private static final double SHARED = 0.7;
    private static final double OWN = StrictMath.sqrt(1 - SHARED * SHARED);
    private static final double LISTED_LEVEL = -1.5;
    private static final double LISTED_SPREAD = 0.3;
    private static final double UNLISTED_LEVEL = 0.4;
    private static final double RISK_SLOPE = -0.25;
    private static final double YEAR_SPREAD = 0.15;
    private static final double SELECTIVE_LEVEL = 0.3;
    private static final double LISTED_ASSESSMENT_SPREAD = 0.4;
    private static final double ASSESSMENT_SPREAD = 0.2;
    private static final double VPR_PRESENT = 0.92;
    private static final double EXAM_PRESENT = 0.99;

    /** Receives each assessment a school sat: its participants' ids, scores and marks. */
    interface Sitting {
        void accept(Assessment assessment, long[] ids, int[] scores, int[] marks, int participants) throws IOException;
    }

    /** Participant ids: 10-digit, unique within a year across the region, not in any visible order. */
    static final class ParticipantIds {
        private static final long RANGE = 9_000_000_000L;
        /** Coprime with 9·10⁹ (2⁹·3²·5⁹), so k ↦ k·A + B mod RANGE is a bijection. */
        private static final long MULTIPLIER = 4_294_967_291L;
        private final long offset;
        private long next;

        ParticipantIds(long seed, int year) {
            long mixed = new SplittableRandom(seed * 31 + year).nextLong();
            this.offset = Math.floorMod(mixed, RANGE);
        }

        long next() {
            long k = next++;
            return 1_000_000_000L + Math.floorMod(k * MULTIPLIER + offset, RANGE);
        }
    }

    private final ParticipantIds ids;
    /** This school-year's spread of assessment levels around its level. */
    private double spread;
    // Scratch buffers reused across schools: one school-assessment at a time is in memory.
    private long[] cohortIds = new long[64];
    private double[] ability = new double[64];
    private long[] outIds = new long[64];
    private int[] outScores = new int[64];
    private int[] outMarks = new int[64];
    private int[][] choices = new int[64][2];

    ResultsSimulator(ParticipantIds ids) {
        this.ids = ids;
    }

    /** Draws every assessment the school sits this year and hands each to the sitting. */
    void simulate(SyntheticSchool school, double riskZ, boolean listed, SplittableRandom random, Sitting sitting)
            throws IOException {
        double level = listed
                ? LISTED_LEVEL + LISTED_SPREAD * Gaussian.next(random)
                : UNLISTED_LEVEL + RISK_SLOPE * riskZ + YEAR_SPREAD * Gaussian.next(random)
                        + (school.type().selective() ? SELECTIVE_LEVEL : 0);
        spread = listed ? LISTED_ASSESSMENT_SPREAD : ASSESSMENT_SPREAD;
        SchoolType type = school.type();
        int lastGrade = type == SchoolType.PRIMARY ? 4 : type == SchoolType.BASIC ? 9 : 11;
        double seniorFactor = type.selective() ? 0.8 : 0.55;
        double perGrade = lastGrade == 11 ? school.students() / (9 + 2 * seniorFactor) : (double) school.students() / lastGrade;

        int n = cohort(perGrade, random);
        sitAll(Assessments.VPR_4, n, level, VPR_PRESENT, random, sitting);
        if (lastGrade >= 9) {
            for (int g = 0; g < Assessments.VPR_MANDATORY.size(); g++) {
                n = cohort(perGrade, random);
                List<Assessment> rotating = Assessments.VPR_ROTATING.get(g);
                Assessment third = rotating.get(random.nextInt(rotating.size()));
                newCohort(n, random);
                for (Assessment a : Assessments.VPR_MANDATORY.get(g)) {
                    sit(a, n, null, -1, level, VPR_PRESENT, random, sitting);
                }
                sit(third, n, null, -1, level, VPR_PRESENT, random, sitting);
            }
            sitOge(cohort(perGrade, random), level, random, sitting);
        }
        if (lastGrade == 11) {
            sitEge(school, cohort(perGrade * seniorFactor, random), level, random, sitting);
        }
    }

    private void sitAll(List<Assessment> assessments, int n, double level, double present, SplittableRandom random,
            Sitting sitting) throws IOException {
        newCohort(n, random);
        for (Assessment a : assessments) {
            sit(a, n, null, -1, level, present, random, sitting);
        }
    }

    private void sitOge(int n, double level, SplittableRandom random, Sitting sitting) throws IOException {
        newCohort(n, random);
        for (Assessment a : Assessments.OGE_MANDATORY) {
            sit(a, n, null, -1, level, EXAM_PRESENT, random, sitting);
        }
        ensureChoices(n);
        for (int i = 0; i < n; i++) {
            int first = weighted(Assessments.OGE_CHOICE_WEIGHTS, -1, random);
            choices[i][0] = first;
            choices[i][1] = weighted(Assessments.OGE_CHOICE_WEIGHTS, first, random);
        }
        for (int e = 0; e < Assessments.OGE_ELECTIVES.size(); e++) {
            sit(Assessments.OGE_ELECTIVES.get(e), n, choices, e, level, EXAM_PRESENT, random, sitting);
        }
    }

    private void sitEge(SyntheticSchool school, int n, double level, SplittableRandom random, Sitting sitting)
            throws IOException {
        newCohort(n, random);
        sit(Assessments.EGE_RUSSIAN, n, null, -1, level, EXAM_PRESENT, random, sitting);
        double profileShare = school.type().selective() ? 0.7 : school.urban() ? 0.45 : 0.3;
        ensureChoices(n);
        for (int i = 0; i < n; i++) {
            choices[i][0] = random.nextDouble() < profileShare ? 0 : 1;
        }
        sit(Assessments.EGE_MATH_PROFILE, n, choices, 0, level, EXAM_PRESENT, random, sitting);
        sit(Assessments.EGE_MATH_BASIC, n, choices, 1, level, EXAM_PRESENT, random, sitting);
        for (int i = 0; i < n; i++) {
            int first = weighted(Assessments.EGE_CHOICE_WEIGHTS, -1, random);
            choices[i][0] = first;
            choices[i][1] = random.nextDouble() < 0.4 ? weighted(Assessments.EGE_CHOICE_WEIGHTS, first, random) : -1;
        }
        for (int e = 0; e < Assessments.EGE_ELECTIVES.size(); e++) {
            sit(Assessments.EGE_ELECTIVES.get(e), n, choices, e, level, EXAM_PRESENT, random, sitting);
        }
    }

    /**
     * One assessment for the current cohort: the students who chose it (all when
     * {@code chosen} is null), each present with the given probability.
     */
    private void sit(Assessment a, int n, int[][] chosen, int choice, double level, double present,
            SplittableRandom random, Sitting sitting) throws IOException {
        double assessmentLevel = level + spread * Gaussian.next(random);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (chosen != null && chosen[i][0] != choice && chosen[i][1] != choice) {
                continue;
            }
            if (random.nextDouble() >= present) {
                continue;
            }
            double x = assessmentLevel + STUDENT_SPREAD * (SHARED * ability[i] + OWN * Gaussian.next(random));
            double u = 1.0 / (1.0 + StrictMath.exp(-x));
            int score = a.score(u);
            outIds[count] = cohortIds[i];
            outScores[count] = score;
            outMarks[count] = a.scale().mark(score);
            count++;
        }
        if (count > 0) {
            sitting.accept(a, outIds, outScores, outMarks, count);
        }
    }

    /** A grade's size: Poisson around the mean (so small schools have empty or tiny grades). */
    private static int cohort(double mean, SplittableRandom random) {
        if (mean >= 40) {
            return Math.max(0, (int) Math.round(mean * StrictMath.exp(0.1 * Gaussian.next(random))));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private void newCohort(int n, SplittableRandom random) {
        if (n > cohortIds.length) {
            int size = Math.max(n, 2 * cohortIds.length);
            cohortIds = new long[size];
            ability = new double[size];
            outIds = new long[size];
            outScores = new int[size];
            outMarks = new int[size];
        }
        for (int i = 0; i < n; i++) {
            cohortIds[i] = ids.next();
            ability[i] = Gaussian.next(random);
        }
    }

    private void ensureChoices(int n) {
        if (n > choices.length) {
            choices = new int[Math.max(n, 2 * choices.length)][2];
        }
    }

    /** An index drawn by weight, never {@code excluded}. */
    private static int weighted(double[] weights, int excluded, SplittableRandom random) {
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            total += k == excluded ? 0 : weights[k];
        }
        double t = random.nextDouble() * total;
        int last = -1;
        for (int k = 0; k < weights.length; k++) {
            if (k == excluded) {
                continue;
            }
            last = k;
            t -= weights[k];
            if (t < 0) {
                return k;
            }
        }
        return last;
    }
}
