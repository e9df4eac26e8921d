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

/** docs/methodology.md §8: each risk's levels at and around its thresholds, missing data, the survey beside the proxies. */
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
                "2021|B|100|10|8|1|2|2|20|false", "2022|B|100|10|8|1|2|2|20|false",
                "2023|B|100|10|8|1|2|2|20|true",
                "2021|C|100|10|8|0|1|1|20|false", "2022|C|100|10|8|0|1|1|20|false",
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
    void partlyMissingInputsSayNoDataNeverLow() {
        // issue 11, item 9: stable internet but no computer count; no vacancies but no count of untrained teachers;
        // a distance within bounds but no word on the transport link; one year of management data in a 3-year window.
        Dataset<Row> context = Frames.frame(Frames.CONTEXT, "2023|E|||||||30||stable|", "2023|F|||||||200||stable|3");
        Dataset<Row> staffing = Frames.frame(STAFFING, "2023|E|100|10|10|0|0||20|false", "2023|F|100|10|10|3|0||20|false");
        Map<String, String> levels = levels(RiskProfile.of(schools(), context, staffing, Frames.frame(SURVEY),
                RiskSettings.defaults()));
        assertEquals(RiskProfile.NO_DATA, levels.get("E " + RiskProfile.INFRASTRUCTURE), "stable internet, no computer count");
        assertEquals(RiskProfile.NO_DATA, levels.get("E " + RiskProfile.STAFF_SHORTAGE), "no vacancies, untrained unknown");
        assertEquals(RiskProfile.NO_DATA, levels.get("E " + RiskProfile.TRANSPORT), "30 km, transport link unknown");
        assertEquals(RiskProfile.NO_DATA, levels.get("E " + RiskProfile.MANAGEMENT), "one year of a three-year window");
        // a known input that already gives «высокий» decides whatever is missing
        assertEquals(RiskProfile.HIGH, levels.get("F " + RiskProfile.INFRASTRUCTURE), "3 computers per 100");
        assertEquals(RiskProfile.HIGH, levels.get("F " + RiskProfile.STAFF_SHORTAGE), "3 vacancies");
        assertEquals(RiskProfile.HIGH, levels.get("F " + RiskProfile.TRANSPORT), "200 km");
    }

    @Test
    void everyContextBoundExactly() {
        // issue 11, item 15: each bound on both sides. «высокий»: population < 1 000, distance > 150 km, < 5 computers,
        // ≥ 2 vacancies, ≥ 50 % untrained, ≥ 40 % pension age; «средний»: < 5 000, > 50 km, < 10 computers.
        Dataset<Row> context = Frames.frame(Frames.CONTEXT,
                "2023|G|||||0.15|999|150|true|stable|5",
                "2023|H|||||0.1499|1000|150.01|true|stable|4.99",
                "2023|I|||||0.08|4999|50.01|true|stable|9.99",
                "2023|J|||||0.0799|5000|50|true|stable|10");
        Dataset<Row> staffing = Frames.frame(STAFFING,
                "2023|G|100|10|10|2|4|5|20|false", "2023|H|100|10|10|1|3|4|20|false",
                "2023|I|100|10|20|1|5|5|20|false", "2023|J|100|10|20|0|4|4|20|false");
        Map<String, String> l = levels(RiskProfile.of(schools(), context, staffing, Frames.frame(SURVEY),
                RiskSettings.defaults()));
        assertEquals(RiskProfile.MEDIUM, l.get("G " + RiskProfile.TRANSPORT), "150 km is not more than 150");
        assertEquals(RiskProfile.HIGH, l.get("H " + RiskProfile.TRANSPORT), "150.01 km");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.TRANSPORT), "50.01 km");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.TRANSPORT), "50 km");
        assertEquals(RiskProfile.MEDIUM, l.get("G " + RiskProfile.INFRASTRUCTURE), "5 computers is not fewer than 5");
        assertEquals(RiskProfile.HIGH, l.get("H " + RiskProfile.INFRASTRUCTURE), "4.99 computers");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.INFRASTRUCTURE), "9.99 computers");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.INFRASTRUCTURE), "10 computers");
        assertEquals(RiskProfile.HIGH, l.get("G " + RiskProfile.TERRITORY), "999");
        assertEquals(RiskProfile.MEDIUM, l.get("H " + RiskProfile.TERRITORY), "1 000");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.TERRITORY), "4 999");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.TERRITORY), "5 000");
        assertEquals(RiskProfile.HIGH, l.get("G " + RiskProfile.OVZ), "15 %");
        assertEquals(RiskProfile.MEDIUM, l.get("H " + RiskProfile.OVZ), "14.99 %");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.OVZ), "8 %");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.OVZ), "7.99 %");
        assertEquals(RiskProfile.HIGH, l.get("G " + RiskProfile.STAFF_SHORTAGE), "2 vacancies");
        assertEquals(RiskProfile.MEDIUM, l.get("H " + RiskProfile.STAFF_SHORTAGE), "1 vacancy, 40 % untrained");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.STAFF_SHORTAGE), "1 vacancy, 25 % untrained");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.STAFF_SHORTAGE), "0 vacancies, 20 % untrained");
        assertEquals(RiskProfile.HIGH, l.get("G " + RiskProfile.AGEING_STAFF), "40 %");
        assertEquals(RiskProfile.MEDIUM, l.get("H " + RiskProfile.AGEING_STAFF), "30 %");
        assertEquals(RiskProfile.MEDIUM, l.get("I " + RiskProfile.AGEING_STAFF), "25 %");
        assertEquals(RiskProfile.LOW, l.get("J " + RiskProfile.AGEING_STAFF), "20 %");
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
                RowFactory.create("D", "d", "m", "{}"), RowFactory.create("E", "e", "m", "{}"),
                RowFactory.create("F", "f", "m", "{}"), RowFactory.create("G", "g", "m", "{}"),
                RowFactory.create("H", "h", "m", "{}"), RowFactory.create("I", "i", "m", "{}"),
                RowFactory.create("J", "j", "m", "{}")), SCHOOLS);
    }

    private static Map<String, String> levels(Dataset<Row> profile) {
        Map<String, String> out = new HashMap<>();
        for (Row r : profile.filter("source = 'context' AND year = 2023").collectAsList()) {
            out.put(r.getAs("school_id") + " " + r.getAs("risk"), r.getAs("level"));
        }
        return out;
    }
}
