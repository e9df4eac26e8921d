package ru.orientir.tools.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of assessments the synthetic region sits, with their score scales.
 *
 * <p>ОГЭ scales and ЕГЭ minimum scores are the published ones (ФИПИ / Рособрнадзор, 2024);
 * ЕГЭ marks 4 and 5 use the widely used recommended conversion. ВПР maxima are plausible
 * values close to recent variants; where no cut points are published for a grade and
 * subject, they are 35 / 60 / 82 % of the maximum ({@link ScoreScale#ofShares}). The regional
 * shares of marks are those of an average school: ВПР mark 2 about 5–8 % in grade 4 and
 * 12–18 % later, ОГЭ 2–11 %, ЕГЭ below the minimum 2–14 %. Schools off the list sit a
 * little above average and listed schools far below, so the region's shares come out at
 * ВПР ≈ 10 %, ОГЭ mathematics ≈ 7 %, ЕГЭ below the minimum ≈ 4 % (see the generator's tests).
 */
final class Assessments {

    /** ВПР grade 4: all three subjects every year. */
    static final List<Assessment> VPR_4 = List.of(
            vpr(4, "русский язык", new ScoreScale(38, 14, 24, 33), 0.08, 0.30, 0.41),
            vpr(4, "математика", new ScoreScale(20, 6, 10, 14), 0.08, 0.28, 0.40),
            vpr(4, "окружающий мир", new ScoreScale(32, 8, 16, 23), 0.05, 0.30, 0.48));

    /** ВПР grades 5–8: Russian and mathematics every year, plus one subject drawn per class. */
    static final List<List<Assessment>> VPR_MANDATORY = List.of(
            List.of(vpr(5, "русский язык", ScoreScale.ofShares(45), 0.16, 0.39, 0.33),
                    vpr(5, "математика", ScoreScale.ofShares(20), 0.17, 0.40, 0.31)),
            List.of(vpr(6, "русский язык", ScoreScale.ofShares(51), 0.16, 0.40, 0.32),
                    vpr(6, "математика", ScoreScale.ofShares(16), 0.17, 0.41, 0.31)),
            List.of(vpr(7, "русский язык", ScoreScale.ofShares(47), 0.17, 0.41, 0.31),
                    vpr(7, "математика", ScoreScale.ofShares(19), 0.18, 0.43, 0.29)),
            List.of(vpr(8, "русский язык", ScoreScale.ofShares(51), 0.17, 0.42, 0.31),
                    vpr(8, "математика", ScoreScale.ofShares(25), 0.18, 0.45, 0.28)));

    static final List<List<Assessment>> VPR_ROTATING = List.of(
            List.of(vpr(5, "история", ScoreScale.ofShares(15), 0.13, 0.39, 0.35),
                    vpr(5, "биология", ScoreScale.ofShares(29), 0.13, 0.42, 0.35),
                    vpr(5, "география", ScoreScale.ofShares(15), 0.12, 0.42, 0.36)),
            List.of(vpr(6, "история", ScoreScale.ofShares(20), 0.13, 0.40, 0.34),
                    vpr(6, "биология", ScoreScale.ofShares(28), 0.13, 0.42, 0.35),
                    vpr(6, "география", ScoreScale.ofShares(37), 0.12, 0.43, 0.36),
                    vpr(6, "обществознание", ScoreScale.ofShares(23), 0.12, 0.39, 0.37)),
            List.of(vpr(7, "история", ScoreScale.ofShares(25), 0.14, 0.41, 0.33),
                    vpr(7, "биология", ScoreScale.ofShares(28), 0.14, 0.43, 0.33),
                    vpr(7, "география", ScoreScale.ofShares(37), 0.13, 0.44, 0.34),
                    vpr(7, "обществознание", ScoreScale.ofShares(23), 0.13, 0.41, 0.35),
                    vpr(7, "физика", ScoreScale.ofShares(18), 0.15, 0.45, 0.30)),
            List.of(vpr(8, "история", ScoreScale.ofShares(25), 0.14, 0.42, 0.33),
                    vpr(8, "биология", ScoreScale.ofShares(35), 0.14, 0.44, 0.32),
                    vpr(8, "география", ScoreScale.ofShares(37), 0.13, 0.45, 0.33),
                    vpr(8, "обществознание", ScoreScale.ofShares(25), 0.13, 0.42, 0.34),
                    vpr(8, "физика", ScoreScale.ofShares(18), 0.15, 0.46, 0.29)));

    static final List<Assessment> OGE_MANDATORY = List.of(
            oge("русский язык", new ScoreScale(33, 15, 23, 29), 0.05, 0.30, 0.40),
            oge("математика", new ScoreScale(31, 8, 15, 22), 0.11, 0.50, 0.29));

    /** ОГЭ subjects by choice; each student takes two, drawn with {@link #OGE_CHOICE_WEIGHTS}. */
    static final List<Assessment> OGE_ELECTIVES = List.of(
            oge("обществознание", new ScoreScale(37, 14, 24, 32), 0.07, 0.55, 0.32),
            oge("информатика", new ScoreScale(19, 5, 11, 17), 0.06, 0.40, 0.38),
            oge("биология", new ScoreScale(48, 13, 25, 37), 0.06, 0.58, 0.30),
            oge("география", new ScoreScale(31, 12, 19, 25), 0.05, 0.45, 0.38),
            oge("химия", new ScoreScale(40, 10, 21, 31), 0.03, 0.30, 0.40),
            oge("физика", new ScoreScale(45, 11, 22, 34), 0.04, 0.50, 0.36),
            oge("английский язык", new ScoreScale(68, 29, 46, 58), 0.02, 0.22, 0.40));
    static final double[] OGE_CHOICE_WEIGHTS = {0.55, 0.35, 0.30, 0.35, 0.10, 0.10, 0.10};

    static final Assessment EGE_RUSSIAN = ege("русский язык", new ScoreScale(100, 24, 58, 72), 0.02, 0.35, 0.34);
    static final Assessment EGE_MATH_PROFILE = ege("математика профильная", new ScoreScale(100, 27, 50, 68), 0.08, 0.43, 0.34);
    /** Marks only: the primary score 0–21 is drawn but not reported. */
    static final Assessment EGE_MATH_BASIC = new Assessment(Assessment.EGE, 11, "математика базовая",
            new ScoreScale(21, 7, 12, 17), false, 0.03, 0.25, 0.42);

    /** ЕГЭ subjects by choice; each student takes one or two, drawn with {@link #EGE_CHOICE_WEIGHTS}. */
    static final List<Assessment> EGE_ELECTIVES = List.of(
            ege("обществознание", new ScoreScale(100, 42, 55, 67), 0.14, 0.38, 0.30),
            ege("физика", new ScoreScale(100, 36, 53, 68), 0.07, 0.43, 0.32),
            ege("история", new ScoreScale(100, 32, 50, 68), 0.08, 0.42, 0.30),
            ege("биология", new ScoreScale(100, 36, 55, 72), 0.13, 0.43, 0.28),
            ege("химия", new ScoreScale(100, 36, 56, 73), 0.12, 0.38, 0.30),
            ege("информатика", new ScoreScale(100, 40, 57, 70), 0.10, 0.33, 0.30));
    static final double[] EGE_CHOICE_WEIGHTS = {0.45, 0.20, 0.18, 0.20, 0.12, 0.20};

    private Assessments() {
    }

    /** Every assessment in the catalogue, in the order results files list them. */
    static List<Assessment> all() {
        List<Assessment> all = new ArrayList<>(VPR_4);
        for (int g = 0; g < VPR_MANDATORY.size(); g++) {
            all.addAll(VPR_MANDATORY.get(g));
            all.addAll(VPR_ROTATING.get(g));
        }
        all.addAll(OGE_MANDATORY);
        all.addAll(OGE_ELECTIVES);
        all.add(EGE_RUSSIAN);
        all.add(EGE_MATH_PROFILE);
        all.add(EGE_MATH_BASIC);
        all.addAll(EGE_ELECTIVES);
        return List.copyOf(all);
    }

    private static Assessment vpr(int grade, String subject, ScoreScale scale, double s2, double s3, double s4) {
        return new Assessment(Assessment.VPR, grade, subject, scale, true, s2, s3, s4);
    }

    private static Assessment oge(String subject, ScoreScale scale, double s2, double s3, double s4) {
        return new Assessment(Assessment.OGE, 9, subject, scale, true, s2, s3, s4);
    }

    private static Assessment ege(String subject, ScoreScale scale, double s2, double s3, double s4) {
        return new Assessment(Assessment.EGE, 11, subject, scale, true, s2, s3, s4);
    }
}
