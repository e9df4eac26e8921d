package ru.orientir.etl.analytics.isb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;

/** docs/methodology.md §6: z-scores with turned signs, at least three indicators, 0–100 within the year, the ШНСУ quartile. */
class SocialWellbeingIndexTest {
    private static final IsbSettings THREE = new IsbSettings(List.of(
            new IsbSettings.Indicator("parents_higher_education_share", true, false),
            new IsbSettings.Indicator("low_income_share", false, false),
            new IsbSettings.Indicator("settlement_population", true, true)), 3, 0.25);

    @Test
    void workedExampleOfFiveSchools() {
        // Higher education 0.1…0.5, low income 0.5…0.1, population 9, 99, 999, 9999, 99999 (log10(1+x) = 1…5):
        // every indicator ranks A < B < C < D < E with equal steps, so ИСБ is 0, 25, 50, 75, 100.
        Map<String, Row> r = run(THREE,
                "2023|A|0.1||0.5|||9", "2023|B|0.2||0.4|||99", "2023|C|0.3||0.3|||999",
                "2023|D|0.4||0.2|||9999", "2023|E|0.5||0.1|||99999");
        assertEquals(0.0, r.get("A").<Double>getAs("isb"), 1e-9);
        assertEquals(25.0, r.get("B").<Double>getAs("isb"), 1e-9);
        assertEquals(50.0, r.get("C").<Double>getAs("isb"), 1e-9);
        assertEquals(100.0, r.get("E").<Double>getAs("isb"), 1e-9);
        assertEquals(3, (int) r.get("A").getAs("indicators_used"));
        // The 25 % quantile is 25 (B's value): A and B, a tie at the cut included, are ШНСУ.
        assertTrue(r.get("A").<Boolean>getAs("shnsu"));
        assertTrue(r.get("B").<Boolean>getAs("shnsu"));
        assertFalse(r.get("C").<Boolean>getAs("shnsu"));
    }

    @Test
    void fewerThanThreeIndicatorsGiveNoIndex() {
        Map<String, Row> r = run(THREE,
                "2023|A|0.1||0.5|||9", "2023|B|0.2||0.4|||99", "2023|C|0.3||0.3|||",
                "2023|D|0.4||0.2|||9999");
        assertNull(r.get("C").getAs("isb"), "two indicators only: нет данных");
        assertNull(r.get("C").getAs("shnsu"));
        assertEquals(2, (int) r.get("C").getAs("indicators_used"));
        assertEquals("parents_higher_education_share;low_income_share", r.get("C").getAs("indicators"));
        assertEquals(100.0, r.get("D").<Double>getAs("isb"), 1e-9);
    }

    @Test
    void anIndicatorWithoutSpreadIsNotUsedAndYearsAreSeparate() {
        Map<String, Row> r = run(THREE,
                "2022|A|0.3||0.3|||500", "2022|B|0.3||0.3|||500",
                "2023|A|0.1||0.5|||9", "2023|B|0.5||0.1|||99999");
        assertNull(r.get("A2022").getAs("isb"), "no spread in 2022: no indicator standardises");
        assertEquals(0, (int) r.get("A2022").getAs("indicators_used"));
        assertEquals(0.0, r.get("A2023").<Double>getAs("isb"), 1e-9);
        assertEquals(100.0, r.get("B2023").<Double>getAs("isb"), 1e-9);
    }

    @Test
    void eachRegionIsStandardisedAndCutOnItsOwn() {
        // docs/methodology.md §0. Region 69 holds the worked example's five schools; region 52 three schools far
        // poorer than all of them. Within each region the ИСБ runs 0–100 and its 25 % cut is the region's own: A and
        // B of 69 stay ШНСУ with ИСБ 0 and 25, exactly as in a warehouse of 69 alone, though every school of 52 is
        // poorer; pooled over both regions, B (then above the cut) would not be ШНСУ.
        var schema = Frames.CONTEXT.add("region", org.apache.spark.sql.types.DataTypes.StringType);
        String[] rows = {"2023|A|0.1||0.5|||9|||||69", "2023|B|0.2||0.4|||99|||||69", "2023|C|0.3||0.3|||999|||||69",
                "2023|D|0.4||0.2|||9999|||||69", "2023|E|0.5||0.1|||99999|||||69",
                "2023|X|0.01||0.9|||1|||||52", "2023|Y|0.02||0.8|||2|||||52", "2023|Z|0.03||0.7|||3|||||52"};
        Map<String, Row> r = new HashMap<>();
        for (Row x : SocialWellbeingIndex.of(Frames.frame(schema, rows), THREE).collectAsList()) {
            r.put(x.getAs("school_id"), x);
        }
        assertEquals("69", r.get("A").getAs("region"));
        assertEquals(0.0, r.get("A").<Double>getAs("isb"), 1e-9);
        assertEquals(25.0, r.get("B").<Double>getAs("isb"), 1e-9);
        assertEquals(100.0, r.get("E").<Double>getAs("isb"), 1e-9);
        assertTrue(r.get("B").<Boolean>getAs("shnsu"), "the cut at B's 25 is region 69's own");
        assertFalse(r.get("C").<Boolean>getAs("shnsu"));
        assertEquals("52", r.get("X").getAs("region"));
        assertEquals(0.0, r.get("X").<Double>getAs("isb"), 1e-9);
        assertEquals(100.0, r.get("Z").<Double>getAs("isb"), 1e-9);
        assertTrue(r.get("X").<Boolean>getAs("shnsu"));
        assertFalse(r.get("Z").<Boolean>getAs("shnsu"));
        // The same five schools without a region column (one region): the same values.
        Map<String, Row> alone = run(THREE, java.util.Arrays.stream(rows).limit(5)
                .map(x -> x.substring(0, x.lastIndexOf("|||||69"))).toArray(String[]::new));
        for (String school : List.of("A", "B", "C", "D", "E")) {
            assertEquals(alone.get(school).<Double>getAs("isb"), r.get(school).<Double>getAs("isb"), 1e-12, school);
            assertEquals(alone.get(school).<Boolean>getAs("shnsu"), r.get(school).<Boolean>getAs("shnsu"), school);
        }
    }

    @Test
    void noContextDataGivesNoRows() {
        assertEquals(0, SocialWellbeingIndex.of(Frames.frame(Frames.CONTEXT), IsbSettings.defaults()).count());
    }

    private static Map<String, Row> run(IsbSettings settings, String... rows) {
        Map<String, Row> out = new HashMap<>();
        List<Row> all = SocialWellbeingIndex.of(Frames.frame(Frames.CONTEXT, rows), settings).collectAsList();
        boolean manyYears = all.stream().map(x -> x.<Integer>getAs("year")).distinct().count() > 1;
        for (Row x : all) {
            out.put(x.<String>getAs("school_id") + (manyYears ? x.<Integer>getAs("year") : ""), x);
        }
        return out;
    }

    @Test
    void theProgrammeGroupIsShnorAndShnsu() {
        // issue 11, item 12. ИСБ 2023: A and B ШНСУ, C and D not. A is on the list built from 2023 (list year 2024);
        // B has a marker in 2023 but is off the list; C is on the list but not ШНСУ; E has no ИСБ.
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("year", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("school_id", org.apache.spark.sql.types.DataTypes.StringType)
                .add("shnsu", org.apache.spark.sql.types.DataTypes.BooleanType);
        org.apache.spark.sql.types.StructType membership = new org.apache.spark.sql.types.StructType()
                .add("list_year", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("school_id", org.apache.spark.sql.types.DataTypes.StringType)
                .add("on_list", org.apache.spark.sql.types.DataTypes.BooleanType);
        var index = Frames.frame(schema, "2023|A|true", "2023|B|true", "2023|C|false", "2023|D|true", "2023|E|");
        var markers = Frames.markers("2023|B|ВПР|5|математика|10|5", "2023|D|ВПР|5|математика|10|1",
                "2023|E|ВПР|5|математика|10|5");
        var lists = Frames.frame(membership, "2024|A|true", "2024|B|false", "2024|C|true", "2024|D|false", "2024|E|true",
                "2023|D|true");
        Map<String, Row> r = new HashMap<>();
        for (Row row : SocialWellbeingIndex.withProgrammeGroup(index, markers, lists).collectAsList()) {
            r.put(row.getAs("school_id"), row);
        }
        assertTrue(r.get("A").<Boolean>getAs("shnor_shnsu"), "on the list and ШНСУ");
        assertTrue(r.get("B").<Boolean>getAs("shnor_shnsu"), "a marker and ШНСУ");
        assertFalse(r.get("C").<Boolean>getAs("shnor_shnsu"), "not ШНСУ");
        assertFalse(r.get("D").<Boolean>getAs("shnor_shnsu"), "ШНСУ, no marker, off the list built from 2023");
        assertNull(r.get("E").getAs("shnor_shnsu"), "no ИСБ");
    }
}
