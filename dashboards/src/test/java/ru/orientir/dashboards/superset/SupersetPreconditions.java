package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import ru.orientir.dashboards.assets.OrientirDashboards;

/** Skip loudly when Superset or Chromium is missing on a developer machine; fail when CI is set. */
public final class SupersetPreconditions {
    private SupersetPreconditions() {
    }

    public static void requireOrSkip() {
        List<String> missing = new ArrayList<>();
        if (SupersetServer.venv().isEmpty()) {
            missing.add("Apache Superset (a virtualenv at ~/.cache/orientir/superset-venv or ORIENTIR_SUPERSET_VENV; "
                    + ".ci/run creates it)");
        }
        if (HeadlessChromium.executable().isEmpty()) {
            missing.add("Chromium (/usr/bin/chromium; apt-get install chromium)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "SKIPPED the Superset dashboards test: missing " + String.join(" and ", missing);
        System.err.println("!!! " + why);
        if (System.getenv("CI") != null) {
            fail(why + " — and CI is set, where they must be installed");
        }
        Assumptions.abort(why);
    }

    /** Every dashboard shows all its charts, none with an error, each with data drawn. */
    public static void assertRendered(Map<String, List<SupersetAcceptance.ChartOnPage>> pages) {
        assertRendered(pages, java.util.Set.of());
    }

    /** As above; the charts titled in {@code mayBeEmpty} may show "no data" (their table is empty in the warehouse). */
    public static void assertRendered(Map<String, List<SupersetAcceptance.ChartOnPage>> pages,
                                      java.util.Set<String> mayBeEmpty) {
        List<String> problems = new ArrayList<>();
        OrientirDashboards.all().forEach(d -> {
            List<SupersetAcceptance.ChartOnPage> charts = pages.getOrDefault(d.slug(), List.of());
            if (charts.size() != d.charts().size()) {
                problems.add(d.slug() + ": " + charts.size() + " charts on the page, expected " + d.charts().size());
            }
            for (SupersetAcceptance.ChartOnPage c : charts) {
                if (!c.error().isEmpty() || c.loading() || !c.hasData() && !mayBeEmpty.contains(c.title())) {
                    problems.add(d.slug() + " / " + c.title() + ": error=" + c.error() + " loading=" + c.loading()
                            + " hasData=" + c.hasData() + " text=" + c.text().replace('\n', ' '));
                }
            }
        });
        assertEquals(List.of(), problems);
    }
}
