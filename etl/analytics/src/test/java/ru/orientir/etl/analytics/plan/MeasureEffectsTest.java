package ru.orientir.etl.analytics.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.plan.MeasureEffects.Effect;
import ru.orientir.etl.analytics.plan.MeasureEffects.Measure;
import ru.orientir.etl.analytics.plan.MeasureEffects.Results;

/**
 * docs/methodology.md §13.5 on a generated region whose measure has a known effect: 400 schools, the share of «2»
 * falling with ИСБ, every school drifting back towards the mean the next year (so the schools chosen for a measure —
 * mostly those with high shares — improve anyway), and the measure taking a further 5 п. п. off the treated schools'
 * share. The naive comparison with every other school overstates the effect; the matched difference in differences
 * finds it within its interval.
 */
class MeasureEffectsTest {
    private static final double TRUE_EFFECT = -0.05;

    @Test
    void aKnownEffectIsFoundNearItsValueWhereTheNaiveComparisonIsNot() {
        Random random = new Random(15);
        List<Results> results = new ArrayList<>();
        Map<String, Double> isb = new HashMap<>();
        List<String> treated = new ArrayList<>();
        double naiveTreated = 0;
        double naiveOthers = 0;
        int others = 0;
        for (int i = 0; i < 400; i++) {
            String id = "S" + i;
            double index = random.nextDouble() * 100;
            int participants = 20 + random.nextInt(180);
            double before = clamp(0.28 - 0.002 * index + random.nextGaussian() * 0.04);
            boolean gets = random.nextDouble() < (before > 0.18 ? 0.5 : 0.05);
            double after = clamp(before - 0.4 * (before - 0.15) + random.nextGaussian() * 0.02 + (gets ? TRUE_EFFECT : 0));
            isb.put("2023|" + id, index);
            results.add(new Results(2023, id, Math.round(before * participants), participants));
            results.add(new Results(2024, id, Math.round(after * participants), participants));
            double change = Math.round(after * participants) * 1.0 / participants
                    - Math.round(before * participants) * 1.0 / participants;
            if (gets) {
                treated.add(id);
                naiveTreated += change;
            } else {
                naiveOthers += change;
                others++;
            }
        }
        double naive = naiveTreated / treated.size() - naiveOthers / others;
        List<Effect> effects = MeasureEffects.estimate(List.of(new Measure(2024, 1, "marker", treated, "выполнено")),
                results, isb);
        assertEquals(1, effects.size());
        Effect e = effects.get(0);
        assertEquals(treated.size(), e.treated());
        assertTrue(Math.abs(e.effect() - TRUE_EFFECT) < 0.015, "estimate " + e.effect() + ", naive " + naive);
        assertTrue(e.ciLow() < TRUE_EFFECT && TRUE_EFFECT < e.ciHigh(), e.ciLow() + " … " + e.ciHigh());
        assertTrue(Math.abs(naive - TRUE_EFFECT) > 0.02, "the naive comparison is biased by the choice: " + naive);
        assertTrue(e.note().startsWith("связь для обсуждения, не доказательство"), e.note());
    }

    @Test
    void tooFewSchoolsNoResultsYetAndMeasuresNotStartedGiveNoEstimate() {
        List<Results> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(new Results(2023, "S" + i, 3, 20));
            results.add(new Results(2024, "S" + i, 2, 20));
        }
        List<Effect> effects = MeasureEffects.estimate(List.of(
                // two schools with results, and S99 (closed: no results) — below the minimum of three
                new Measure(2024, 1, "marker", List.of("S1", "S2", "S99"), "выполнено"),
                // not started: not a treated school at all
                new Measure(2024, 2, "near_threshold", List.of("S3", "S4", "S5"), "не начато"),
                // the year after the last results
                new Measure(2025, 3, "prevention", List.of("S1", "S2", "S3", "S4"), "в работе")), results, Map.of());
        assertEquals(2, effects.size());
        Effect few = effects.get(0);
        assertEquals(2, few.treated());
        assertNull(few.effect());
        assertEquals("мало школ с результатами за 2023 и 2024 годы: 2 (нужно не меньше 3)", few.note());
        Effect later = effects.get(1);
        assertEquals(2025, later.listYear());
        assertNull(later.effect());
        assertTrue(later.note().startsWith("результатов 2025 года ещё нет"), later.note());
    }

    @Test
    void threeTreatedSchoolsAreEnoughAndTheIntervalUsesStudentsT() {
        List<Results> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(new Results(2023, "S" + i, 4, 20));
            results.add(new Results(2024, "S" + i, i < 3 ? 2 + i % 2 : 4, 20));
        }
        Effect e = MeasureEffects.estimate(List.of(new Measure(2024, 1, "marker", List.of("S0", "S1", "S2"),
                "в работе")), results, Map.of()).get(0);
        assertEquals(3, e.treated());
        // changes: S0 −0.10, S1 −0.05, S2 −0.10; every control 0 → differences −0.10, −0.05, −0.10
        assertEquals(-0.25 / 3, e.effect(), 1e-12);
        double sd = Math.sqrt((2 * Math.pow(-0.1 + 0.25 / 3, 2) + Math.pow(-0.05 + 0.25 / 3, 2)) / 2);
        assertEquals(-0.25 / 3 - 4.303 * sd / Math.sqrt(3), e.ciLow(), 1e-12);
        assertEquals(4.303, MeasureEffects.tQuantile975(2));
        assertEquals(1.960, MeasureEffects.tQuantile975(31));
    }

    private static double clamp(double share) {
        return Math.max(0.0, Math.min(0.9, share));
    }
}
