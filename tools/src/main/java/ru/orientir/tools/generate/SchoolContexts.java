package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The social and infrastructure context of each school, year by year ({@code context_<year>}).
 *
 * <p>Every school gets a disadvantage score once — its latent risk, rurality, smallness and
 * an idiosyncratic part — and the shares are logistic functions of it, so riskier schools
 * have fewer parents with higher education, more unemployment and low income, and are
 * farther away with worse internet. Places are shared: all schools of one settlement have the
 * same population, distance and transport. From year to year the shares drift a little,
 * villages shrink, cities grow slowly, and internet gets better now and then.
 */
final class SchoolContexts {

    static final String STABLE = "стабильный";
    static final String UNSTABLE = "нестабильный";
    static final String NONE = "нет";
    private static final String[] INTERNET = {STABLE, UNSTABLE, NONE};

    private final List<SyntheticSchool> schools;
    private final double[] disadvantage;
    private final double[][] baseLogit; // [indicator][school]
    private final int[] population;
    private final double[] growth;
    /** The smallest population of the settlement's kind (village 100, town 5,000, city 50,000): shrinking stops there. */
    private final int[] floor;
    private final int[] distance;
    private final boolean[] transport;
    private final int[] internet; // index into INTERNET, improves over the years
    private final double[] computers;

    SchoolContexts(List<SyntheticSchool> schools, List<Municipality> municipalities, double[] riskZ,
            SplittableRandom random) {
        this.schools = schools;
        int n = schools.size();
        disadvantage = new double[n];
        baseLogit = new double[5][n];
        population = new int[n];
        growth = new double[n];
        floor = new int[n];
        distance = new int[n];
        transport = new boolean[n];
        internet = new int[n];
        computers = new double[n];

        int[] municipalityDistance = new int[municipalities.size()];
        double[] municipalityLanguage = new double[municipalities.size()];
        for (int m = 0; m < municipalities.size(); m++) {
            municipalityDistance[m] = m == 0 ? 0
                    : municipalities.get(m).city() ? 60 + random.nextInt(200) : 30 + random.nextInt(450);
            municipalityLanguage[m] = 0.9 * Gaussian.next(random);
        }
        Map<String, int[]> places = new HashMap<>(); // settlement → {population, distance, transport}; looked up only
        for (int i = 0; i < n; i++) {
            SyntheticSchool school = schools.get(i);
            Municipality municipality = municipalities.get(school.municipality());
            boolean centre = school.settlement().equals(municipality.centre().label());
            String key = school.municipality() + "|" + school.settlement();
            int[] place = places.get(key);
            if (place == null) {
                place = place(school, municipality, school.municipality(), centre, municipalityDistance[school.municipality()], random);
                places.put(key, place);
            }
            population[i] = place[0];
            distance[i] = place[1];
            transport[i] = place[2] == 1;
            growth[i] = municipality.city() ? 0.003 : school.urban() ? -0.008 : -0.015;
            floor[i] = municipality.city() ? 50_000 : centre && school.urban() ? 5_000 : 100;

            double d = 0.55 * riskZ[i] + (school.urban() ? 0 : 0.6) + (school.small() ? 0.3 : 0)
                    + Math.min(1.0, distance[i] / 300.0) * 0.3 + 0.5 * Gaussian.next(random);
            disadvantage[i] = d;
            double selective = school.type().selective() ? 0.5 : 0;
            baseLogit[0][i] = -0.3 - 0.55 * d + selective + 0.25 * Gaussian.next(random);
            baseLogit[1][i] = -2.6 + 0.5 * d + 0.25 * Gaussian.next(random);
            baseLogit[2][i] = -1.6 + 0.55 * d + 0.25 * Gaussian.next(random);
            baseLogit[3][i] = -3.6 + 0.3 * d + municipalityLanguage[school.municipality()] + 0.5 * Gaussian.next(random);
            baseLogit[4][i] = -3.0 + 0.25 * d + (school.small() ? 0.4 : 0) + 0.3 * Gaussian.next(random);
            double access = 0.8 * d + 0.7 * Gaussian.next(random) + (school.urban() ? -1.0 : 0.6);
            internet[i] = municipality.city() ? 0 : access > 2.2 ? 2 : access > 1.1 ? 1 : 0;
            computers[i] = Math.max(1.5, Math.min(40, 14 - 2.5 * d + 3 * Gaussian.next(random)));
        }
    }

    /** Writes one year's context, in school order; {@code step} counts years from the first one. */
    void write(TableSink sink, int year, int step, SplittableRandom random) throws IOException {
        Integer yearCell = year;
        for (int i = 0; i < schools.size(); i++) {
            if (step > 0 && internet[i] > 0 && random.nextDouble() < 0.15) {
                internet[i]--; // connections improve, rarely get worse
            }
            sink.row(yearCell, schools.get(i).id(),
                    share(0, i, random), share(1, i, random), share(2, i, random), share(3, i, random),
                    share(4, i, random),
                    Math.max(floor[i], (int) Math.round(population[i] * StrictMath.pow(1 + growth[i], step))),
                    distance[i],
                    transport[i] ? "да" : "нет",
                    INTERNET[internet[i]],
                    TableSink.decimal(Math.max(1.0, computers[i] + 0.3 * step + 0.4 * Gaussian.next(random)), 1));
        }
    }

    double disadvantage(int school) {
        return disadvantage[school];
    }

    private Object share(int indicator, int school, SplittableRandom random) {
        double logit = baseLogit[indicator][school] + 0.06 * Gaussian.next(random);
        return TableSink.decimal(1.0 / (1.0 + StrictMath.exp(-logit)), 3);
    }

    /**
     * A settlement's population, distance to the regional centre and direct transport: the
     * regional centre ~1.1 M, other cities 50–320 k, towns 5–50 k, villages 100–5,000 (most small).
     */
    private static int[] place(SyntheticSchool school, Municipality municipality, int index, boolean centre,
            int municipalityDistance, SplittableRandom random) {
        int people;
        int km;
        if (municipality.city()) {
            people = index == 0 ? 1_050_000 + random.nextInt(100_001) : logUniform(50_000, 320_000, random);
            km = municipalityDistance;
        } else if (centre && school.urban()) {
            people = school.settlement().startsWith("г.") ? logUniform(12_000, 50_000, random)
                    : logUniform(5_000, 25_000, random);
            km = municipalityDistance;
        } else if (centre) {
            people = logUniform(2_000, 5_000, random);
            km = municipalityDistance;
        } else {
            people = logUniform(100, 4_000, random);
            km = municipalityDistance + 5 + random.nextInt(66);
        }
        double noLink = municipality.city() || (centre && school.urban()) ? 0
                : (centre ? 0.03 : 0.12) + (km > 150 ? 0.2 : 0);
        return new int[] {people, km, random.nextDouble() < noLink ? 0 : 1};
    }

    private static int logUniform(int low, int high, SplittableRandom random) {
        return (int) Math.round(StrictMath.exp(StrictMath.log(low) + random.nextDouble() * (StrictMath.log(high) - StrictMath.log(low))));
    }
}
