package ru.orientir.dashboards.datasets;

/**
 * How a chart shows a number: the d3-format string Superset applies. The separators are Superset's {@code D3_FORMAT}
 * (superset_config.py): a decimal comma and a space between thousands, as Russian readers write numbers.
 */
public enum NumberFormat {
    /** Words, codes and years: shown as stored (a year must not read 2 024). */
    NONE(null),
    /** Counts of schools, rows, people: whole numbers, thousands grouped. */
    COUNT(",d"),
    /** Shares, which the marts and the input files keep as fractions 0–1: a percentage to one decimal. */
    PERCENT(".1%"),
    /** ИСБ, an index from 0 to 100: one decimal is all its precision means. */
    ISB(",.1f"),
    /** The result index and standardised deviations (z-scores around 0): two decimals. */
    INDEX(",.2f"),
    /** Mean marks (2–5) and ЕГЭ scores: two decimals, since marks of 3,45 and 3,5 differ. */
    MARK(",.2f"),
    /** Other measures (km, hours, computers per 100 students): one decimal. */
    DECIMAL(",.1f");

    private final String d3;

    NumberFormat(String d3) {
        this.d3 = d3;
    }

    /** The d3-format string, or null for {@link #NONE}. */
    public String d3() {
        return d3;
    }

    public boolean numeric() {
        return d3 != null;
    }
}
