package ru.orientir.tools.generate;

import java.util.SplittableRandom;

/**
 * Reason codes for an official-list row: {@code НОР} (низкие образовательные результаты)
 * followed by the procedures that put the school there, e.g. {@code НОР;ВПР;ОГЭ}. Only
 * procedures the school's grades actually sit are named (no ЕГЭ for an ООШ). Some published
 * lists give no reason, so a few rows are left empty.
 */
final class ListReasons {

    private static final double NO_REASON_SHARE = 0.05;

    private ListReasons() {
    }

    static String next(SchoolType type, SplittableRandom random) {
        if (random.nextDouble() < NO_REASON_SHARE) {
            return "";
        }
        StringBuilder reason = new StringBuilder("НОР");
        boolean vpr = random.nextDouble() < 0.85;
        boolean oge = type.hasOge() && random.nextDouble() < 0.45;
        boolean ege = type.hasEge() && random.nextDouble() < 0.2;
        if (vpr || (!oge && !ege)) {
            reason.append(";ВПР"); // ВПР is sat in every school type, so it is the fallback
        }
        if (oge) {
            reason.append(";ОГЭ");
        }
        if (ege) {
            reason.append(";ЕГЭ");
        }
        return reason.toString();
    }
}
