package ru.orientir.tools.generate;

/**
 * One assessment procedure (ВПР in one grade and subject, ОГЭ or ЕГЭ in one subject) as the
 * generator draws it: its score scale, whether the score is reported (ЕГЭ базовая
 * математика has marks only), and the shares of marks 2–5 at an average school of the
 * region. Schools at risk shift these shares towards mark 2 (see {@link ResultsSimulator}).
 */
record Assessment(String procedure, int grade, String subject, ScoreScale scale, boolean scored,
        double share2, double share3, double share4) {

    static final String VPR = "ВПР";
    static final String OGE = "ОГЭ";
    static final String EGE = "ЕГЭ";

    Assessment {
        if (share2 <= 0 || share3 <= 0 || share4 <= 0 || share2 + share3 + share4 >= 1) {
            throw new IllegalArgumentException(procedure + " " + grade + " " + subject + ": shares of marks must be in (0, 1)");
        }
    }

    boolean ege() {
        return procedure.equals(EGE);
    }

    /** The share of mark 5: what is left. */
    double share5() {
        return 1 - share2 - share3 - share4;
    }

    /**
     * The score of a student at position {@code u} in (0, 1) of the regional distribution:
     * the marks' shares cut (0, 1) into four bands, each mapped onto its score range. The
     * lowest band bunches towards the pass mark and the top band towards its bottom, as real
     * score distributions do (few zeros, few perfect scores).
     */
    int score(double u) {
        double c2 = share2;
        double c3 = c2 + share3;
        double c4 = c3 + share4;
        int mark;
        double from;
        double to;
        if (u < c2) {
            mark = 2; from = 0; to = c2;
        } else if (u < c3) {
            mark = 3; from = c2; to = c3;
        } else if (u < c4) {
            mark = 4; from = c3; to = c4;
        } else {
            mark = 5; from = c4; to = 1;
        }
        double within = Math.max(0, Math.min(1, (u - from) / (to - from)));
        if (mark == 2) {
            within = StrictMath.sqrt(within);
        } else if (mark == 5) {
            within = within * within;
        }
        int low = scale.lowest(mark);
        int count = scale.highest(mark) - low + 1;
        return low + Math.min(count - 1, (int) (within * count));
    }
}
