package ru.orientir.etl.analytics.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.markers.MarkerSettings;
import ru.orientir.etl.analytics.warning.WarningFeatures.Feature;
import ru.orientir.etl.analytics.warning.WarningFeatures.SchoolYear;

/**
 * docs/methodology.md §9.1: what is known about a school in list year L, from the results of L − 1 and L − 2, its list
 * history, and its context, staffing and signals of L − 1; every gap is a feature of its own, no school is dropped, and
 * a school whose next year cannot be decided (closed, no data) is not learnt from.
 */
class WarningFeaturesTest {
    static final StructType MEMBERSHIP = new StructType().add("list_year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("on_list", DataTypes.BooleanType).add("open", DataTypes.BooleanType)
            .add("source", DataTypes.StringType).add("no_data_reason", DataTypes.StringType);
    static final StructType STATUS = new StructType().add("list_year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("cluster", DataTypes.IntegerType);
    static final StructType ISB = new StructType().add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("isb", DataTypes.DoubleType).add("shnsu", DataTypes.BooleanType);
    static final StructType RISKS = new StructType().add("year", DataTypes.IntegerType).add("school_id", DataTypes.StringType)
            .add("risk", DataTypes.StringType).add("level", DataTypes.StringType).add("source", DataTypes.StringType);
    static final StructType STAFFING = new StructType().add("year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("teachers", DataTypes.IntegerType)
            .add("vacancies", DataTypes.IntegerType).add("teachers_pension_age", DataTypes.IntegerType)
            .add("teachers_without_training", DataTypes.IntegerType).add("head_changed", DataTypes.BooleanType);
    static final StructType OBJECTIVITY = new StructType().add("year", DataTypes.IntegerType)
            .add("school_id", DataTypes.StringType).add("signal", DataTypes.StringType);

    @Test
    void eachSchoolYearCarriesWhatWasKnownThen() {
        // A: on the list in 2022, off in 2023 and 2024, on again in 2025. B: off, closes after 2024 (2025 «школа
        // закрыта»). C: a small school, too few participants in 2024, so 2025 is undecided. D: no results at all.
        Dataset<Row> membership = Frames.frame(MEMBERSHIP,
                "2022|A|true|true|computed|", "2023|A|false|true|computed|", "2024|A|false|true|computed|",
                "2025|A|true|true|computed|",
                "2023|B|false|true|computed|", "2024|B|false|true|computed|", "2025|B|false|false|computed|школа закрыта",
                "2024|C|false|true|computed|", "2025|C|false|true|computed|мало участников во всех процедурах",
                "2024|D|false|true|computed|нет результатов", "2025|D|false|true|computed|нет результатов");
        Dataset<Row> status = Frames.frame(STATUS, "2024|A|4", "2024|B|", "2023|A|1");
        // 2023: A marked in ОГЭ математика (12 of 30 at 30 %); 2022: A marked in two procedures.
        // 2023: B near the threshold in ОГЭ русский язык (8 of 30: 26,7 % against 30 %); C has 3 participants.
        Dataset<Row> markers = Markers.withDerived(Frames.markers(
                "2022|A|ОГЭ|9|математика|30|10", "2022|A|ОГЭ|9|русский язык|30|9",
                "2023|A|ОГЭ|9|математика|30|12", "2023|A|ОГЭ|9|русский язык|30|3",
                "2023|B|ОГЭ|9|русский язык|30|8", "2023|B|ОГЭ|9|математика|30|2",
                "2023|C|ОГЭ|9|математика|3|2"), MarkerSettings.defaults());
        Dataset<Row> isb = Frames.frame(ISB, "2023|A|21.5|true");
        Dataset<Row> risks = Frames.frame(RISKS, "2023|A|дефицит кадров|высокий|context",
                "2023|A|территория|средний|context", "2023|A|Низкая учебная мотивация|высокий|survey");
        Dataset<Row> staffing = Frames.frame(STAFFING, "2023|A|20|2|5|0|true");
        Dataset<Row> objectivity = Frames.frame(OBJECTIVITY, "2023|B|fioko");
        AnalyticsSettings settings = AnalyticsSettings.defaults().canonical();

        List<SchoolYear> rows = WarningFeatures.collect(membership, status, markers, isb, risks, staffing, objectivity,
                settings.clusters(), settings.mandatory());
        Map<String, SchoolYear> in2024 = rows.stream().filter(r -> r.listYear() == 2024)
                .collect(Collectors.toMap(SchoolYear::schoolId, Function.identity()));
        assertEquals(11, rows.size(), "every membership row is kept");

        SchoolYear a = in2024.get("A");
        assertEquals(Boolean.TRUE, a.label(), "A is on the list in 2025");
        assertEquals(4, a.cluster());
        assertEquals(1, a.feature(Feature.MARKERS));
        assertEquals(2, a.feature(Feature.MARKERS_PREVIOUS));
        assertEquals("ОГЭ 9 математика", a.marked());
        // Mandatory shares: 2023 (40 % + 10 %) / 2 = 25 %, 2022 (33,3 % + 30 %) / 2 = 31,7 %: −6,7 p.p.
        assertEquals(-6.6667, a.feature(Feature.TREND), 1e-3);
        assertEquals(0, a.feature(Feature.NO_TREND));
        assertEquals(1, a.feature(Feature.YEARS_ON_LIST));
        assertEquals(2022, a.leftYear());
        assertEquals(1, a.feature(Feature.LEFT_RECENTLY));
        assertEquals(21.5, a.feature(Feature.ISB));
        assertEquals(1, a.feature(Feature.SHNSU));
        assertEquals(1, a.feature(Feature.CONTEXT_RISKS), "survey risks are not context risks");
        assertEquals(2, a.feature(Feature.VACANCIES));
        assertEquals(0.25, a.feature(Feature.PENSION_SHARE));
        assertEquals(1, a.feature(Feature.HEAD_CHANGED));
        assertEquals(0, a.feature(Feature.NO_STAFFING));
        assertEquals(Math.log1p(60), a.feature(Feature.LOG_PARTICIPANTS), 1e-12);

        SchoolYear b = in2024.get("B");
        assertNull(b.label(), "B closes: 2025 teaches nothing");
        assertEquals(1, b.feature(Feature.NEAR_THRESHOLD));
        assertEquals("доля «2» по ОГЭ 9 русский язык 26,7 % (порог 30,0 %)", b.closest());
        assertEquals(1, b.feature(Feature.NO_TREND), "no results in 2022");
        assertEquals(1, b.feature(Feature.NO_ISB));
        assertEquals(WarningFeatures.ISB_MISSING, b.feature(Feature.ISB));
        assertEquals(1, b.feature(Feature.NO_STAFFING));
        assertEquals(1, b.feature(Feature.OBJECTIVITY));
        assertNull(b.leftYear());

        SchoolYear c = in2024.get("C");
        assertTrue(c.hasResults());
        assertNull(c.label(), "too few participants everywhere in 2025's results year: undecided");
        assertEquals(0, c.feature(Feature.MARKERS), "a procedure with 3 participants is not judged");
        assertEquals(3, c.participants());

        SchoolYear d = in2024.get("D");
        assertFalse(d.hasResults(), "no results: no probability, kept with its reason");
    }
}
