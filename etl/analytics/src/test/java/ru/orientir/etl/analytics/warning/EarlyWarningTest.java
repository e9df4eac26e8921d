package ru.orientir.etl.analytics.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.warning.EarlyWarning.BacktestYear;
import ru.orientir.etl.analytics.warning.EarlyWarning.Forecast;
import ru.orientir.etl.analytics.warning.WarningFeatures.Feature;
import ru.orientir.etl.analytics.warning.WarningFeatures.SchoolYear;

/**
 * docs/methodology.md §9: the backtest learns only from the years before the one it predicts, the model's limits of
 * history at their exact boundaries, the rule as the recommendation when the model does not beat it, the factors in
 * Russian, and the same probabilities from the same inputs.
 */
class EarlyWarningTest {
    static final EarlyWarningSettings SETTINGS = EarlyWarningSettings.defaults();

    /**
     * A region of {@code schools} schools over list years first..last. A school's hidden weakness drifts from year to
     * year; its markers and near-threshold count follow the weakness of that year, and it enters the next list when
     * the next year's weakness passes 1. The rule of cluster 4 marks the schools with a marker (a noisier signal).
     * Schools already on the list stay off the candidates; one school in ten has too few participants.
     */
    static List<SchoolYear> region(int schools, int first, int last, long seed) {
        Random random = new Random(seed);
        List<SchoolYear> rows = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            double weakness = random.nextGaussian() * 0.5;
            boolean on = false;
            int yearsOn = 0;
            Integer left = null;
            for (int year = first; year <= last; year++) {
                double next = weakness * 0.8 + random.nextGaussian() * 0.35;
                boolean nextOn = next > 1.0;
                double[] f = new double[Feature.values().length];
                f[Feature.MARKERS.ordinal()] = Math.max(0, Math.round(weakness * 2 + random.nextGaussian() * 0.7));
                f[Feature.NEAR_THRESHOLD.ordinal()] = Math.max(0, Math.round(weakness * 3 + random.nextGaussian()));
                f[Feature.CLOSEST_RATIO.ordinal()] = Math.max(0, 0.6 + weakness * 0.4);
                f[Feature.LOG_PARTICIPANTS.ordinal()] = Math.log1p(s % 10 == 0 ? 3 : 40 + s % 30);
                f[Feature.YEARS_ON_LIST.ordinal()] = yearsOn;
                f[Feature.ISB.ordinal()] = 50 - weakness * 10;
                f[Feature.VACANCIES.ordinal()] = s % 7 == 0 ? 2 : 0;
                f[Feature.NO_STAFFING.ordinal()] = s % 13 == 0 ? 1 : 0;
                Integer cluster = on ? Integer.valueOf(3) : f[Feature.MARKERS.ordinal()] >= 1 ? Integer.valueOf(EarlyWarning.RISK_ZONE) : null;
                Boolean label = year < last ? nextOn : null;
                rows.add(new SchoolYear(year, "S" + String.format("%03d", s), on, true, cluster, label, true, f,
                        f[Feature.MARKERS.ordinal()] > 0 ? "ОГЭ 9 математика" : null, "доля «2» по ОГЭ 9 математика 27,0 % "
                        + "(порог 30,0 %)", null, s % 10 == 0 ? 3 : 40 + s % 30, left));
                if (on && !nextOn) {
                    left = year + 1;
                }
                yearsOn += on ? 1 : 0;
                on = nextOn;
                weakness = next;
            }
        }
        return rows;
    }

    EarlyWarning warning() {
        return new EarlyWarning(SETTINGS);
    }

    @Test
    void theBacktestOfAYearLearnsNothingFromThatYearOrLater() {
        List<SchoolYear> rows = region(300, 2019, 2025, 7);
        // What a model forecasting from 2022 (for 2023) may read: pairs whose later year is 2022 at most.
        for (SchoolYear r : EarlyWarning.training(rows, 2022)) {
            assertTrue(r.listYear() + 1 <= 2022, "обучение на паре " + r.listYear() + "→" + (r.listYear() + 1));
        }
        BacktestYear full = year(warning().run(rows).backtest(), 2023);
        assertNotNull(full.recallAtK(), full.note());
        // Turn every outcome after 2023 upside down and scramble every feature from 2023 on: 2023's check must not move.
        List<SchoolYear> future = new ArrayList<>();
        Random random = new Random(1);
        for (SchoolYear r : rows) {
            if (r.listYear() >= 2023) {
                double[] noise = r.features().clone();
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = random.nextGaussian() * 5;
                }
                Boolean flipped = r.label() == null ? null : !r.label();
                future.add(new SchoolYear(r.listYear(), r.schoolId(), r.onList(), r.open(), r.cluster(), flipped, true, noise,
                        r.marked(), r.closest(), r.near(), r.participants(), r.leftYear()));
            } else {
                future.add(r);
            }
        }
        assertEquals(full, year(warning().run(future).backtest(), 2023));
        // The year after does change: its model may learn from 2023, which is now noise.
        BacktestYear next = year(warning().run(rows).backtest(), 2025);
        assertFalse(next.equals(year(warning().run(future).backtest(), 2025)));
    }

    @Test
    void onTheSyntheticRegionTheModelBeatsTheRuleAndIsTheRecommendation() {
        EarlyWarning.Result result = warning().run(region(300, 2019, 2025, 7));
        List<BacktestYear> checked = result.backtest().stream().filter(b -> b.recallAtK() != null).toList();
        assertFalse(checked.isEmpty());
        double model = checked.stream().mapToDouble(BacktestYear::recallAtK).average().orElseThrow();
        double rule = checked.stream().mapToDouble(BacktestYear::baselineRecallAtK).average().orElseThrow();
        assertTrue(model > rule, "модель " + model + ", правило " + rule);
        for (BacktestYear b : checked) {
            assertEquals(b.recallAtK(), b.precisionAtK());
            assertTrue(b.auc() > 0.5 && b.auc() <= 1, "AUC " + b.auc());
        }
        assertTrue(result.modelRecommended());
        assertTrue(result.verdict().contains("рекомендация — по модели"), result.verdict());
        List<Forecast> scored = result.forecasts().stream().filter(f -> f.probability() != null).toList();
        assertFalse(scored.isEmpty());
        for (int i = 0; i < scored.size(); i++) {
            Forecast f = scored.get(i);
            assertEquals(2026, f.listYear());
            assertEquals(i + 1, f.rank());
            assertTrue(f.probability() >= 0 && f.probability() <= 1);
            assertEquals(f.probability() >= 0.30 ? "высокий" : f.probability() >= 0.10 ? "средний" : "низкий", f.band());
            if (i > 0) {
                assertTrue(scored.get(i - 1).probability() >= f.probability());
            }
        }
        // The riskiest school is explained, in Russian, by at most three factors with its own values: here its share
        // nearest the threshold, the region's strongest signal.
        String factors = scored.get(0).factors();
        assertTrue(factors.contains("доля «2» по ОГЭ 9 математика 27,0 % (порог 30,0 %)"), factors);
        assertTrue(factors.split("; ").length <= Factors.SHOWN, factors);
        // Schools on the list in 2025 are track 1: no entry probability, the reason instead.
        Forecast onList = result.forecasts().stream().filter(f -> f.note() != null && f.note().startsWith("в списке"))
                .findFirst().orElseThrow();
        assertNull(onList.probability());
    }

    @Test
    void whenTheRuleDoesAsWellTheRuleIsTheRecommendation() {
        // The rule marks exactly the schools that will enter; the model cannot do better than all of them.
        List<SchoolYear> rows = new ArrayList<>();
        for (SchoolYear r : region(300, 2019, 2025, 7)) {
            Integer cluster = r.onList() ? r.cluster() : Boolean.TRUE.equals(r.label()) ? Integer.valueOf(EarlyWarning.RISK_ZONE) : null;
            rows.add(new SchoolYear(r.listYear(), r.schoolId(), r.onList(), r.open(), cluster, r.label(), true, r.features(),
                    r.marked(), r.closest(), r.near(), r.participants(), r.leftYear()));
        }
        EarlyWarning.Result result = warning().run(rows);
        assertFalse(result.modelRecommended());
        assertTrue(result.verdict().contains("модель не лучше правила"), result.verdict());
        for (Forecast f : result.forecasts()) {
            assertEquals(f.riskZone() && f.probability() != null, f.recommended(), f.schoolId());
        }
    }

    @Test
    void fourListYearsGiveAModelAndThreeDoNot() {
        // 2022–2024 (3 years): the model for 2025 could learn, but no past year can check it.
        EarlyWarning.Result three = warning().run(region(300, 2022, 2024, 7));
        assertTrue(three.forecasts().stream().allMatch(f -> f.probability() == null));
        Forecast lacking = three.forecasts().stream().filter(f -> f.note() != null && f.note().startsWith("недостаточно"))
                .findFirst().orElseThrow();
        assertTrue(lacking.note().contains("модель не на чем проверить"), lacking.note());
        assertEquals(EarlyWarning.BY_RULE, lacking.method());
        assertTrue(three.verdict().contains("список зоны риска"), three.verdict());
        // 2021–2024 (4 years): 2024 is checked on a model of 2022–2023, and 2025 gets probabilities.
        EarlyWarning.Result four = warning().run(region(300, 2021, 2024, 7));
        assertNotNull(year(four.backtest(), 2024).recallAtK());
        assertTrue(year(four.backtest(), 2023).note().contains("2 года списка до 2022 включительно (нужно не меньше 3)"),
                year(four.backtest(), 2023).note());
        assertTrue(four.forecasts().stream().anyMatch(f -> f.probability() != null));
    }

    @Test
    void tooFewEntriesToLearnFromGiveNoCheckWithTheCounts() {
        List<SchoolYear> rows = region(300, 2019, 2025, 7);
        // The check of 2025 learns from the pairs up to 2024; earlier checks from fewer, the forecast from more.
        long entries = EarlyWarning.training(rows, 2024).stream().filter(SchoolYear::label).count();
        Function<Integer, EarlyWarning> withMinimum = min -> new EarlyWarning(
                new EarlyWarningSettings(0.30, 0.10, 3, min, 0.01));
        // Exactly as many entries as needed: 2025 is checked and 2026 forecast.
        EarlyWarning.Result enough = withMinimum.apply((int) entries).run(rows);
        assertNotNull(year(enough.backtest(), 2025).recallAtK());
        assertTrue(enough.forecasts().stream().anyMatch(f -> f.probability() != null));
        // One more needed: no year can be checked, so no forecast, and the counts say why.
        EarlyWarning.Result tooFew = withMinimum.apply((int) entries + 1).run(rows);
        String note = year(tooFew.backtest(), 2025).note();
        assertNull(year(tooFew.backtest(), 2025).recallAtK());
        assertTrue(note.contains(Factors.count(entries, "вхождение", "вхождения", "вхождений") + " в список для обучения "
                + "(нужно не меньше " + (entries + 1) + ")"), note);
        assertTrue(tooFew.forecasts().stream().allMatch(f -> f.probability() == null));
        assertTrue(tooFew.verdict().contains("модель не на чем проверить"), tooFew.verdict());
    }

    @Test
    void theRuleAtKIsTheExpectedHitsOfItsSchoolsInRandomOrder() {
        // 100 schools, the rule marks 20 of which 4 entered; k = 10 entered in all.
        assertEquals(2.0, EarlyWarning.ruleHitsAtK(100, 20, 4, 10), 1e-12);   // 10 of the 20 marked: 10·4/20
        assertEquals(4.0, EarlyWarning.ruleHitsAtK(100, 10, 4, 10), 1e-12);   // k = marked: all of them
        // k above the marked: all 5 marked (4 hits) and 5 of the 95 others, which hold the other 6 entries.
        assertEquals(4 + 5.0 * 6 / 95, EarlyWarning.ruleHitsAtK(100, 5, 4, 10), 1e-12);
        assertEquals(10.0 * 10 / 100, EarlyWarning.ruleHitsAtK(100, 0, 0, 10), 1e-12);  // marks nothing: chance
    }

    @Test
    void aSchoolWithoutResultsGetsNoProbabilityButItsReason() {
        List<SchoolYear> rows = new ArrayList<>(region(300, 2019, 2025, 7));
        rows.add(new SchoolYear(2025, "NEW", false, true, null, null, false, new double[Feature.values().length], null,
                null, null, 0, null));
        Forecast f = warning().run(rows).forecasts().stream().filter(x -> x.schoolId().equals("NEW")).findFirst()
                .orElseThrow();
        assertNull(f.probability());
        assertEquals("нет результатов за 2024: вероятность не считается", f.note());
    }

    @Test
    void theSameInputsGiveTheSameProbabilities() {
        List<SchoolYear> rows = region(200, 2019, 2025, 11);
        assertEquals(warning().run(rows), warning().run(rows));
    }

    @Test
    void aucCountsTiedScoresAsHalf() {
        // Scores: entered 0.9, 0.5; stayed off 0.5, 0.1. Pairs: (0.9>0.5) 1, (0.9>0.1) 1, (0.5=0.5) ½, (0.5>0.1) 1.
        assertEquals(0.875, EarlyWarning.auc(new double[] {0.9, 0.5, 0.5, 0.1}, new boolean[] {true, true, false, false}));
        assertNull(EarlyWarning.auc(new double[] {0.9, 0.5}, new boolean[] {true, true}));
    }

    @Test
    void factorsAreWordedWithRussianNumberAgreement() {
        assertEquals("1 вакансия", Factors.count(1, "вакансия", "вакансии", "вакансий"));
        assertEquals("2 вакансии", Factors.count(2, "вакансия", "вакансии", "вакансий"));
        assertEquals("5 вакансий", Factors.count(5, "вакансия", "вакансии", "вакансий"));
        assertEquals("11 вакансий", Factors.count(11, "вакансия", "вакансии", "вакансий"));
        assertEquals("21 вакансия", Factors.count(21, "вакансия", "вакансии", "вакансий"));
        double[] x = new double[Feature.values().length];
        x[Feature.VACANCIES.ordinal()] = 2;
        x[Feature.MARKERS.ordinal()] = 1;
        x[Feature.ISB.ordinal()] = 40;
        double[] w = new double[x.length];
        w[Feature.VACANCIES.ordinal()] = 0.5;   // +1.0 against a mean of 0
        w[Feature.MARKERS.ordinal()] = 2.0;     // +2.0
        w[Feature.ISB.ordinal()] = -0.01;       // +0.1 against a mean of 50
        double[] means = new double[x.length];
        means[Feature.ISB.ordinal()] = 50;
        SchoolYear s = new SchoolYear(2025, "A", false, true, null, null, true, x, "ОГЭ 9 математика", null, null, 40, null);
        assertEquals("маркеры 2024 в 1 процедуре: ОГЭ 9 математика; 2 вакансии учителей; ИСБ 40,0",
                Factors.of(s, w, means));
        assertEquals(Factors.NONE, Factors.of(s, new double[x.length], means));
    }

    private static BacktestYear year(List<BacktestYear> backtest, int year) {
        return backtest.stream().filter(b -> b.listYear() == year).findFirst().orElseThrow();
    }
}
