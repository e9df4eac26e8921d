package ru.orientir.tools.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives each school a hidden risk of low results, in (0, 1). The distribution is skewed like
 * real regions: most schools near zero, a tail of struggling schools. Rural and small
 * schools are riskier, gymnasiums and lyceums much less so, and every municipality has its
 * own level, so lists cluster in some districts as they do in practice.
 */
final class LatentRisk {

    private static final double BASE = -3.4;
    private static final double SCHOOL_SPREAD = 1.0;
    private static final double MUNICIPALITY_SPREAD = 0.5;
    private static final double RURAL = 0.7;
    private static final double SMALL = 0.5;
    private static final double SELECTIVE = -1.8;
    /** A few schools are chronically struggling whatever their context. */
    private static final double STRUGGLING_SHARE = 0.07;
    private static final double STRUGGLING = 1.8;

    private LatentRisk() {
    }

    static double[] assign(List<SyntheticSchool> schools, int municipalities, SplittableRandom random) {
        double[] municipalityLevel = new double[municipalities];
        for (int m = 0; m < municipalities; m++) {
            municipalityLevel[m] = MUNICIPALITY_SPREAD * Gaussian.next(random);
        }
        double[] risk = new double[schools.size()];
        for (int i = 0; i < risk.length; i++) {
            SyntheticSchool school = schools.get(i);
            double logit = BASE + SCHOOL_SPREAD * Gaussian.next(random) + municipalityLevel[school.municipality()];
            if (!school.urban()) {
                logit += RURAL;
            }
            if (school.small()) {
                logit += SMALL;
            }
            if (school.type().selective()) {
                logit += SELECTIVE;
            }
            if (random.nextDouble() < STRUGGLING_SHARE) {
                logit += STRUGGLING;
            }
            risk[i] = 1.0 / (1.0 + StrictMath.exp(-logit));
        }
        return risk;
    }
}
