package ru.orientir.etl.analytics.lists;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §2. Rule (a): markers in at least {@code minProcedures} different procedures; rule (b): a marker in the
 * same procedure two years running. {@code combine} joins them (or/and); {@code unit} says what "procedure" means
 * (one assessment, or a procedure type ВПР/ОГЭ/ЕГЭ). Severity is strong at {@code strongProcedures} marked
 * procedures or a share of at least {@code strongRatio} × its threshold.
 */
public record ListRuleSettings(Combine combine, Unit unit, int minProcedures, int strongProcedures, double strongRatio) {

    public enum Combine { OR, AND }

    public enum Unit { ASSESSMENT, TYPE }

    public static ListRuleSettings defaults() {
        return new ListRuleSettings(Combine.OR, Unit.ASSESSMENT, 2, 3, 1.5);
    }

    public void validate() {
        if (combine == null) {
            throw new IllegalArgumentException("analytics.list.combine: укажите or или and");
        }
        if (unit == null) {
            throw new IllegalArgumentException("analytics.list.unit: укажите assessment или type");
        }
        if (minProcedures < 2) {
            throw new IllegalArgumentException("analytics.list.min-procedures: нужно не меньше 2, указано " + minProcedures);
        }
        if (strongProcedures < 1) {
            throw new IllegalArgumentException("analytics.list.strong-procedures: нужно не меньше 1, указано " + strongProcedures);
        }
        Bounds.positive("analytics.list.strong-ratio", strongRatio);
    }
}
