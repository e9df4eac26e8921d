package ru.orientir.tools.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ФИОКО's 500+ survey risk profiles ({@code risk_survey_<year>}): for the schools that took the
 * questionnaire, one row per each of the ten risks of docs/methodology.md §8 with its level (высокий /
 * средний / низкий).
 *
 * <p>About 40 % of the schools take part, the same schools every year (drawn once). A risk's
 * level follows the school's latent risk (so schools that land on the list have more «высокий»),
 * the school's own lean on that risk (drawn once, so profiles are stable from year to year), a
 * little yearly noise, and for the equipment and staffing risks, rurality.
 */
final class RiskSurvey {

    /** The ten risks of the 500+ questionnaire, worded as ФИОКО words them (docs/methodology.md §8). */
    static final List<String> RISKS = List.of(
            "низкий уровень оснащения школы",
            "дефицит педагогических кадров",
            "недостаточная предметная и методическая компетентность педагогических работников",
            "риски низкой адаптивности учебного процесса",
            "несформированность внутришкольной системы повышения квалификации",
            "низкое качество преодоления языковых и культурных барьеров",
            "пониженный уровень качества школьной образовательной и воспитательной среды",
            "высокая доля обучающихся с рисками учебной неуспешности",
            "низкий уровень вовлечённости родителей",
            "высокая доля обучающихся с ОВЗ");
    static final String HIGH = "высокий";
    static final String MEDIUM = "средний";
    static final String LOW = "низкий";

    private static final double SURVEYED_SHARE = 0.4;
    private static final double RISK_WEIGHT = 0.8;
    private static final double LEAN_WEIGHT = 0.6;
    private static final double YEAR_NOISE = 0.35;
    private static final double RURAL = 0.4;
    private static final double HIGH_FROM = 0.9;
    private static final double MEDIUM_FROM = -0.1;

    private final List<SyntheticSchool> schools;
    private final double[] riskZ;
    private final boolean[] surveyed;
    private final double[][] lean; // [school][risk]

    RiskSurvey(List<SyntheticSchool> schools, double[] riskZ, SplittableRandom random) {
        this.schools = schools;
        this.riskZ = riskZ;
        int n = schools.size();
        surveyed = new boolean[n];
        lean = new double[n][RISKS.size()];
        for (int i = 0; i < n; i++) {
            surveyed[i] = random.nextDouble() < SURVEYED_SHARE;
            for (int r = 0; r < RISKS.size(); r++) {
                lean[i][r] = Gaussian.next(random);
            }
        }
    }

    /** Writes one year's profiles, school by school, each school's risks in the questionnaire's order. */
    void write(TableSink sink, int year, SplittableRandom random) throws IOException {
        Integer yearCell = year;
        for (int i = 0; i < schools.size(); i++) {
            if (!surveyed[i]) {
                continue;
            }
            SyntheticSchool school = schools.get(i);
            for (int r = 0; r < RISKS.size(); r++) {
                double score = RISK_WEIGHT * riskZ[i] + LEAN_WEIGHT * lean[i][r] + YEAR_NOISE * Gaussian.next(random)
                        + (r <= 1 && !school.urban() ? RURAL : 0);
                String level = score >= HIGH_FROM ? HIGH : score >= MEDIUM_FROM ? MEDIUM : LOW;
                sink.row(yearCell, school.id(), RISKS.get(r), level);
            }
        }
    }
}
