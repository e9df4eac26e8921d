package ru.orientir.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ratios the benchmarks print, at the goals' exact boundaries. */
class FigureTest {

    @Test
    void aRateIsDividedByItsAnchorAndMeetsItsGoalAtExactlyTheGoal() {
        Figure half = new Figure("приём", 500_000, "строк/с", "read_csv", 1_000_000, true, 0.5);
        assertEquals(0.5, half.ratio(), 1e-12);
        assertTrue(half.meetsGoal());
        Figure below = new Figure("приём", 499_999, "строк/с", "read_csv", 1_000_000, true, 0.5);
        assertFalse(below.meetsGoal());
        assertTrue(below.line().contains("не достигнута"), below.line());
    }

    @Test
    void aTimeIsTheAnchorDividedByIt() {
        Figure tenSeconds = new Figure("run", 10.0, "с", "цель", 10.0, false, 1.0);
        assertEquals(1.0, tenSeconds.ratio(), 1e-12);
        assertTrue(tenSeconds.meetsGoal());
        Figure slower = new Figure("run", 12.5, "с", "цель", 10.0, false, 1.0);
        assertEquals(0.8, slower.ratio(), 1e-12);
        assertFalse(slower.meetsGoal());
    }

    @Test
    void withoutAGoalOnlyTheRatioIsShownAndNothingIsJudged() {
        Figure f = new Figure("demo", 40, "с", "запуск", 2, false, Double.NaN);
        assertFalse(f.meetsGoal());
        assertFalse(f.line().contains("цель"), f.line());
        assertEquals(Double.NaN, new Figure("x", 0, "с", "y", 1, false, 1).ratio());
    }

    @Test
    void theP95IsTheNearestRank() {
        List<Double> twenty = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add((double) i);
        }
        assertEquals(19.0, ChartBenchmark.percentile(twenty, 0.95));
        assertEquals(20.0, ChartBenchmark.percentile(List.of(20.0, 1.0), 0.95));
        assertEquals(5.0, ChartBenchmark.percentile(List.of(5.0), 0.95));
    }
}
