package ru.orientir.dashboards.assets;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.orientir.dashboards.datasets.NumberFormat;

/**
 * An ad-hoc SQL metric with the Russian label a chart shows and how its value is shown. The SQL runs on both
 * warehouse engines.
 */
public record Metric(String label, String sql, NumberFormat format) {

    Map<String, Object> adhoc() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expressionType", "SQL");
        m.put("sqlExpression", sql);
        m.put("label", label);
        m.put("hasCustomLabel", true);
        m.put("optionName", "metric_" + Integer.toHexString((label + sql).hashCode()));
        return m;
    }
}
