package ru.orientir.etl.analytics.risks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.SparkTestSession;

/** domain.md §8: each risk's levels at and around its thresholds, missing data, the survey beside the proxies. */
class RiskProfileTest {
    static final StructType STAFFING = new StructType()
            .add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("students", DataTypes.IntegerType).add("staff", DataTypes.IntegerType).add("teachers", DataTypes.IntegerType)
            .add("vacancies", DataTypes.IntegerType).add("teachers_pension_age", DataTypes.IntegerType)
            .add("teachers_without_training", DataTypes.IntegerType).add("avg_load", DataTypes.DoubleType)
            .add("head_changed", DataTypes.BooleanType);
    static final StructType SURVEY = new StructType().add("year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("risk", DataTypes.StringType).add("level", DataTypes.StringType);
    static final StructType SCHOOLS = new StructType().add("school_id", DataTypes.StringType).add("name", DataTypes.StringType)
            .add("municipality", DataTypes.StringType).add("extra_json", DataTypes.StringType);

    @Test
    void levelsAtTheThresholds() {
        // A sits exactly on every «высокий» bound, B on every «средний» bound, C below them all.
        Dataset<Row> context = Frames.frame(Frames.CONTEXT,
                "2023|A|||||0.15|999|150.5|true|stable|4.9",
                "2023|B|||||0.08|1000|50.5|true|stable|9.9",
                "2023|C|||||0.07|5000|50|true|stable|10",
                "2023|D||||0.15|||||none|");
        Dataset<Row> staffing = Frames.frame(STAFFING,
                "2021|A|100|10|10|0|0|0|20|true", "2022|A|100|10|10|0|0|0|20|false",
                "2023|A|100|10|10|2|4|5|20|true",
                "2023|B|100|10|8|1|2|2|20|true",
                "2023|C|100|10|8|0|1|1|20|false");
        Map<String, String> levels = levels(RiskProfile.of(schools(), context, staffing, Frames.frame(SURVEY),
                RiskSettings.defaults()));
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.TERRITORY));
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.TERRITORY), "1 000 is not below 1 000");
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.TERRITORY), "5 000 is not below 5 000");
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.TRANSPORT));
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.TRANSPORT));
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.TRANSPORT), "50 km is not more than 50");
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.INFRASTRUCTURE));
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.INFRASTRUCTURE));
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.INFRASTRUCTURE));
        assertEquals(RiskProfile.HIGH, levels.get("D " + RiskProfile.INFRASTRUCTURE), "no internet");
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.STAFF_SHORTAGE), "2 vacancies, 50 % untrained");
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.STAFF_SHORTAGE), "1 vacancy, 25 %");
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.STAFF_SHORTAGE), "12.5 % untrained");
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.AGEING_STAFF), "40 %");
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.AGEING_STAFF), "25 %");
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.AGEING_STAFF));
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.MANAGEMENT), "changed in 2021 and 2023");
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.MANAGEMENT), "changed this year only");
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.MANAGEMENT));
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.SMALL_SCHOOL));
        assertEquals(RiskProfile.LOW, levels.get("B " + RiskProfile.SMALL_SCHOOL));
        assertEquals(RiskProfile.HIGH, levels.get("A " + RiskProfile.OVZ));
        assertEquals(RiskProfile.MEDIUM, levels.get("B " + RiskProfile.OVZ));
        assertEquals(RiskProfile.LOW, levels.get("C " + RiskProfile.OVZ));
        assertEquals(RiskProfile.HIGH, levels.get("D " + RiskProfile.LANGUAGE));
    }

    @Test
    void missingInputsSayNoDataNeverLow() {
        Dataset<Row> context = Frames.frame(Frames.CONTEXT, "2023|D||||||||||");
        Map<String, String> levels = levels(RiskProfile.of(schools(), context, Frames.frame(STAFFING), Frames.frame(SURVEY),
                RiskSettings.defaults()));
        assertEquals(9, levels.size(), "all nine risks, each stated");
        for (Map.Entry<String, String> e : levels.entrySet()) {
            assertEquals(RiskProfile.NO_DATA, e.getValue(), e.getKey());
        }
    }

    @Test
    void surveyRisksArePassedThroughBesideTheContextProfile() {
        Dataset<Row> survey = Frames.frame(SURVEY, "2023|A|дефицит педагогических кадров|высокий");
        Dataset<Row> context = Frames.frame(Frames.CONTEXT, "2023|A|||||0.01|100000|10|true|stable|20");
        Dataset<Row> rows = RiskProfile.of(schools(), context, Frames.frame(STAFFING), survey, RiskSettings.defaults());
        assertEquals(10, rows.count());
        Row s = rows.filter("source = 'survey'").collectAsList().get(0);
        assertEquals("дефицит педагогических кадров", s.getAs("risk"));
        assertEquals("высокий", s.getAs("level"));
    }

    private static Dataset<Row> schools() {
        return SparkTestSession.get().createDataFrame(java.util.List.of(
                RowFactory.create("A", "a", "m", "{\"small_school\":\"да\"}"),
                RowFactory.create("B", "b", "m", "{\"small_school\":\"нет\"}"),
                RowFactory.create("C", "c", "m", "{}"),
                RowFactory.create("D", "d", "m", "{}")), SCHOOLS);
    }

    private static Map<String, String> levels(Dataset<Row> profile) {
        Map<String, String> out = new HashMap<>();
        for (Row r : profile.filter("source = 'context' AND year = 2023").collectAsList()) {
            out.put(r.getAs("school_id") + " " + r.getAs("risk"), r.getAs("level"));
        }
        return out;
    }
}
