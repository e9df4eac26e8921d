package ru.orientir.etl.analytics.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.Frames;

/** docs/methodology.md §7: result index, quartiles of ИСБ and results, the residual against ИСБ, training-site candidates. */
class ResilienceTest {
    static final StructType ISB = new StructType().add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("isb_exact", DataTypes.DoubleType);
    static final StructType INDEX = new StructType().add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("result_index", DataTypes.DoubleType);
    static final StructType MEMBERSHIP = new StructType().add("list_year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("on_list", DataTypes.BooleanType);

    @Test
    void resultIndexIsTheMeanZOfTheMandatoryProcedures() {
        // ОГЭ mathematics mean marks 3, 4, 5 (z = −1.22, 0, 1.22); Russian 4, 4, 4 has no spread; ВПР is not mandatory.
        Dataset<Row> markers = Frames.markers("2023|A|ОГЭ|9|математика|10|0", "2023|B|ОГЭ|9|математика|10|0",
                "2023|C|ОГЭ|9|математика|10|0", "2023|A|ВПР|5|математика|10|5");
        // Frames' aggregates give every non-2 participant mark 3; set the mean marks directly instead.
        Dataset<Row> withMeans = markers.withColumn("mean_result",
                org.apache.spark.sql.functions.expr("CASE school_id WHEN 'A' THEN 3.0 WHEN 'B' THEN 4.0 ELSE 5.0 END"));
        Map<String, Double> index = new HashMap<>();
        for (Row r : Resilience.resultIndex(withMeans, AnalyticsSettings.defaults().mandatory()).collectAsList()) {
            index.put(r.getAs("school_id"), r.getAs("result_index"));
        }
        assertEquals(-Math.sqrt(1.5), index.get("A"), 1e-9);
        assertEquals(0.0, index.get("B"), 1e-9);
        assertEquals(Math.sqrt(1.5), index.get("C"), 1e-9);
    }

    @Test
    void resilientWhenLowestIsbQuartileAndTopResultQuartile() {
        // Eight schools; ИСБ 10…80; results rise with ИСБ except A, which does best of all.
        Dataset<Row> isb = Frames.frame(ISB, "2023|A|10", "2023|B|20", "2023|C|30", "2023|D|40", "2023|E|50", "2023|F|60",
                "2023|G|70", "2023|H|80", "2023|I|90");
        Dataset<Row> index = Frames.frame(INDEX, "2023|A|2.0", "2023|B|-1.0", "2023|C|-0.6", "2023|D|-0.3", "2023|E|0.0",
                "2023|F|0.3", "2023|G|0.6", "2023|H|1.0");
        Map<String, Row> r = run(index, isb, Frames.frame(MEMBERSHIP), ResilienceSettings.defaults());
        assertTrue(r.get("A").<Boolean>getAs("resilient"), "ИСБ in the lowest quartile, best result");
        assertTrue(r.get("A").<String>getAs("training_site_reason").startsWith(Resilience.RESILIENT + ": ИСБ 10,0"),
                r.get("A").<String>getAs("training_site_reason"));
        assertTrue(r.get("A").<Boolean>getAs("training_site"));
        assertFalse(r.get("B").<Boolean>getAs("resilient"), "low ИСБ, low result");
        assertFalse(r.get("H").<Boolean>getAs("resilient"), "top result, high ИСБ");
        assertTrue(r.get("A").<Double>getAs("residual") > 0, "better than its context predicts");
        assertTrue(r.get("A").<Boolean>getAs("better_than_expected"));
        assertTrue(r.get("B").<Double>getAs("residual") < 0);
        assertNull(r.get("I").getAs("result_index"), "ИСБ without results: a row, nothing judged");
        assertNull(r.get("I").getAs("resilient"));
        assertFalse(r.get("I").<Boolean>getAs("training_site"));
    }

    @Test
    void residualsAgainstTheLeastSquaresLine() {
        // y = 2x exactly, except C one above the line: the fit is computed, not assumed.
        Dataset<Row> isb = Frames.frame(ISB, "2023|A|1", "2023|B|2", "2023|C|3", "2023|D|4");
        Dataset<Row> index = Frames.frame(INDEX, "2023|A|2", "2023|B|4", "2023|C|7", "2023|D|8");
        Map<String, Row> r = run(index, isb, Frames.frame(MEMBERSHIP), ResilienceSettings.defaults());
        // OLS: slope = cov/var = 2.625 / 1.25 = 2.1, intercept = 5.25 − 2.1 × 2.5 = 0; C: 7 − 6.3 = 0.7.
        assertEquals(0.7, r.get("C").<Double>getAs("residual"), 1e-4);
        assertEquals(-0.1, r.get("A").<Double>getAs("residual"), 1e-4);
        assertEquals(-0.2, r.get("B").<Double>getAs("residual"), 1e-4);
        assertEquals(-0.4, r.get("D").<Double>getAs("residual"), 1e-4);
    }

    @Test
    void aSustainedExitWithRisingResultsIsACandidate() {
        Dataset<Row> isb = Frames.frame(ISB, "2023|X|70", "2023|Y|60", "2023|Z|50");
        Dataset<Row> index = Frames.frame(INDEX, "2021|X|-1.0", "2023|X|0.5", "2021|Y|1.0", "2023|Y|0.2", "2023|Z|0.1");
        // List years 2022–2024: X and Y on in 2022, off in 2023 and 2024 (assessment year 2023 ↔ list year 2024).
        Dataset<Row> membership = Frames.frame(MEMBERSHIP, "2022|X|true", "2023|X|false", "2024|X|false",
                "2022|Y|true", "2023|Y|false", "2024|Y|false", "2022|Z|false", "2023|Z|false", "2024|Z|false");
        Map<String, Row> r = run(index, isb, membership, ResilienceSettings.defaults());
        assertTrue(r.get("X").<Boolean>getAs("training_site"));
        assertEquals(Resilience.SUSTAINED_EXIT + ": вне списка в 2023 и 2024 г. после списка 2022 г., индекс результатов"
                + " +0,50 против −1,00 в 2021 г.; результаты не ниже ожидаемых по ИСБ (остаток +0,03)",
                r.get("X").getAs("training_site_reason"));
        assertFalse(r.get("Y").<Boolean>getAs("training_site"), "left the list, but results fell");
        assertFalse(r.get("Z").<Boolean>getAs("training_site"), "never on the list");
    }

    @Test
    void consecutiveYearsWhenConfigured() {
        Dataset<Row> isb = Frames.frame(ISB, "2022|A|10", "2022|B|50", "2022|C|90", "2022|D|95",
                "2023|A|10", "2023|B|50", "2023|C|90", "2023|D|95", "2023|E|12");
        Dataset<Row> index = Frames.frame(INDEX, "2022|A|2", "2022|B|0", "2022|C|0", "2022|D|0",
                "2023|A|2", "2023|B|0", "2023|C|0", "2023|D|0", "2023|E|3");
        List<Row> rows = Resilience.of(index, isb, Frames.frame(MEMBERSHIP), new ResilienceSettings(0.25, 0.75, 1.0, true))
                .filter("year = 2023").collectAsList();
        Map<String, Row> r = new HashMap<>();
        rows.forEach(x -> r.put(x.getAs("school_id"), x));
        assertTrue(r.get("A").<Boolean>getAs("resilient"), "resilient in 2022 and 2023");
        assertFalse(r.get("E").<Boolean>getAs("resilient"), "new in 2023: not two years");
    }

    @Test
    void aCandidateNeedsResultsAtLeastWhatItsContextPredicts() {
        // issue 11, item 14: X left the list and its index rose from −1.5 to −1.04, but it sits below the line on ИСБ.
        Dataset<Row> isb = Frames.frame(ISB, "2023|X|80", "2023|Y|20", "2023|Z|50", "2023|W|60");
        Dataset<Row> index = Frames.frame(INDEX, "2021|X|-1.5", "2023|X|-1.04", "2023|Y|-1.0", "2023|Z|0.5", "2023|W|1.0");
        Dataset<Row> membership = Frames.frame(MEMBERSHIP, "2022|X|true", "2023|X|false", "2024|X|false");
        Map<String, Row> r = run(index, isb, membership, ResilienceSettings.defaults());
        assertTrue(r.get("X").<Double>getAs("residual") < 0);
        assertFalse(r.get("X").<Boolean>getAs("training_site"), "below what its context predicts: no model");
        assertNull(r.get("X").getAs("training_site_reason"));
    }

    @Test
    void quartileCutsOnBothSides() {
        // issue 11, item 15: five schools; the 25 % quantile of ИСБ 10…50 is exactly 20, the 75 % quantile of the
        // results −2…2 exactly 1. B sits on both cuts (inclusive); C is just above the ИСБ cut; A just below the result cut.
        Dataset<Row> isb = Frames.frame(ISB, "2023|A|10", "2023|B|20", "2023|C|20.0001", "2023|D|40", "2023|E|50");
        Dataset<Row> index = Frames.frame(INDEX, "2023|A|0.9999", "2023|B|1.0", "2023|C|2.0", "2023|D|-1.0", "2023|E|-2.0");
        Map<String, Row> r = run(index, isb, Frames.frame(MEMBERSHIP), ResilienceSettings.defaults());
        assertTrue(r.get("B").<Boolean>getAs("resilient"), "on both cuts");
        assertFalse(r.get("C").<Boolean>getAs("resilient"), "ИСБ just above the cut");
        assertFalse(r.get("A").<Boolean>getAs("resilient"), "result just below the cut");
    }

    @Test
    void aStandardisedResidualOfExactlyOneIsBetterThanExpected() {
        // x = 1, 1, 3, 3 and y = 1, −1, 1, −1: the line is y = 0, residuals ±1, their standard deviation 1.
        Dataset<Row> isb = Frames.frame(ISB, "2023|A|1", "2023|B|1", "2023|C|3", "2023|D|3");
        Dataset<Row> index = Frames.frame(INDEX, "2023|A|1", "2023|B|-1", "2023|C|1", "2023|D|-1");
        Map<String, Row> r = run(index, isb, Frames.frame(MEMBERSHIP), ResilienceSettings.defaults());
        assertEquals(1.0, r.get("A").<Double>getAs("std_residual"), 1e-12);
        assertTrue(r.get("A").<Boolean>getAs("better_than_expected"), "≥ 1, inclusive");
        assertFalse(r.get("B").<Boolean>getAs("better_than_expected"));
    }

    @Test
    void theResidualIsFittedPerYear() {
        // 2022: index = ИСБ / 10; 2023: index = −ИСБ / 10. One line over both years would leave residuals; two leave none.
        Dataset<Row> isb = Frames.frame(ISB, "2022|A|10", "2022|B|20", "2022|C|30", "2023|A|10", "2023|B|20", "2023|C|30");
        Dataset<Row> index = Frames.frame(INDEX, "2022|A|1", "2022|B|2", "2022|C|3", "2023|A|-1", "2023|B|-2", "2023|C|-3");
        for (Row row : Resilience.of(index, isb, Frames.frame(MEMBERSHIP), ResilienceSettings.defaults()).collectAsList()) {
            assertEquals(0.0, row.<Double>getAs("residual"), 1e-9, row.toString());
        }
    }

    private static Map<String, Row> run(Dataset<Row> index, Dataset<Row> isb, Dataset<Row> membership, ResilienceSettings s) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : Resilience.of(index, isb, membership, s).filter("year = 2023").collectAsList()) {
            out.put(r.getAs("school_id"), r);
        }
        return out;
    }
}
