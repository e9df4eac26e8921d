package ru.orientir.tools.bench;

import java.util.Locale;

/**
 * One benchmark figure beside its anchor, both measured in the same run (or, for a target, fixed): the ratio says how
 * the figure stands against the anchor, so a slow or busy machine moves both and the ratio stays comparable.
 *
 * @param what          what was measured, in Russian
 * @param value         the measurement
 * @param unit          its unit («с», «строк/с», «мс»)
 * @param anchor        what it is compared with, in Russian
 * @param anchorValue   the anchor's value, in the same unit
 * @param higherIsBetter true for rates (rows/s), false for times
 * @param goal          the ratio the issue asks for (figure ÷ anchor for rates, anchor ÷ figure for times), or NaN
 */
public record Figure(String what, double value, String unit, String anchor, double anchorValue, boolean higherIsBetter,
                     double goal) {

    /** The ratio in the direction where more is better: rate ÷ anchor rate, or anchor time ÷ time. */
    public double ratio() {
        if (value <= 0 || anchorValue <= 0) {
            return Double.NaN;
        }
        return higherIsBetter ? value / anchorValue : anchorValue / value;
    }

    public boolean meetsGoal() {
        return !Double.isNaN(goal) && ratio() >= goal;
    }

    public String line() {
        String verdict = Double.isNaN(goal) ? ""
                : String.format(Locale.ROOT, "; цель ≥ %.2f — %s", goal, meetsGoal() ? "достигнута" : "не достигнута");
        return String.format(Locale.ROOT, "%s: %s %s | эталон «%s»: %s %s | отношение %.3f%s", what, number(value), unit,
                anchor, number(anchorValue), unit, ratio(), verdict);
    }

    private static String number(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
