package ru.orientir.tools.generate;

/**
 * The score scale of one assessment: the maximum score and the lowest score of marks 3, 4
 * and 5 (the cut points). For ЕГЭ the scale is the 0–100 test score and {@code cut3} is the
 * subject's official minimum score, so "mark 2" and "below the minimum" are the same thing.
 */
record ScoreScale(int max, int cut3, int cut4, int cut5) {

    ScoreScale {
        if (!(0 < cut3 && cut3 < cut4 && cut4 < cut5 && cut5 <= max)) {
            throw new IllegalArgumentException("cut points must rise within 1.." + max + ": " + cut3 + "/" + cut4 + "/" + cut5);
        }
    }

    /** A ВПР-style scale for the maxima we have no published cut points for: 35 %, 60 %, 82 % of the maximum. */
    static ScoreScale ofShares(int max) {
        return new ScoreScale(max, (int) Math.round(0.35 * max), (int) Math.round(0.60 * max), (int) Math.round(0.82 * max));
    }

    int mark(int score) {
        return score >= cut5 ? 5 : score >= cut4 ? 4 : score >= cut3 ? 3 : 2;
    }

    /** The lowest score of a mark (2 → 0). */
    int lowest(int mark) {
        return switch (mark) {
            case 2 -> 0;
            case 3 -> cut3;
            case 4 -> cut4;
            case 5 -> cut5;
            default -> throw new IllegalArgumentException("mark " + mark);
        };
    }

    /** The highest score of a mark (5 → max). */
    int highest(int mark) {
        return mark == 5 ? max : lowest(mark + 1) - 1;
    }
}
