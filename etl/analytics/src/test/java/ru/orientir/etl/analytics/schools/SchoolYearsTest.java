package ru.orientir.etl.analytics.schools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.Frames;
import ru.orientir.etl.analytics.SparkTestSession;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.lists.ListTransitions;

/**
 * docs/methodology.md §3.5 worked example (issue 11, item 2): a school's municipality is the one it had that year.
 * S1 moved from «Северный район» to «Северный округ» as of 2024 (reference rows of 2023 and 2024); S2's reference has
 * no years; S3's first dated row is 2024. Official lists 2022–2024: S1 on all three, S3 on 2024's.
 */
class SchoolYearsTest {
    static final StructType SCHOOL_YEARS = new StructType()
            .add("school_id", DataTypes.StringType).add("as_of_year", DataTypes.IntegerType)
            .add("name", DataTypes.StringType).add("municipality", DataTypes.StringType);
    private static final String DISTRICT = "Северный район";
    private static final String OKRUG = "Северный округ";

    private static Dataset<Row> schools;
    private static Dataset<Row> dated;
    private static Map<String, Row> status;
    private static Map<String, Row> counts;

    @BeforeAll
    static void workedExample() {
        // the schools snapshot: the latest version (for S1 and S3 their 2024 row)
        schools = SparkTestSession.schools("S1|Школа № 1|" + OKRUG, "S2|Школа 2|Юг", "S3|Школа 3|" + OKRUG);
        dated = Frames.frame(SCHOOL_YEARS, "S1|2023|Школа 1|" + DISTRICT, "S1|2024|Школа № 1|" + OKRUG,
                "S3|2024|Школа 3|" + OKRUG);
        Dataset<Row> official = SparkTestSession.officialList("2022:S1", "2023:S1", "2024:S1", "2024:S3", "2022:S2");
        Dataset<Row> history = ListTransitions.schoolHistory(ListMembership.fromOfficialList(schools, official));
        Dataset<Row> withNames = history.join(SchoolYears.of(schools, dated, history, "list_year"),
                new String[] {"school_id", "list_year"});
        status = new HashMap<>();
        for (Row r : withNames.collectAsList()) {
            status.put(r.<String>getAs("school_id") + "/" + r.<Integer>getAs("list_year"), r);
        }
        counts = new HashMap<>();
        for (Row r : ListTransitions.counts(withNames).collectAsList()) {
            counts.put(r.<String>getAs("level") + "/" + r.getAs("municipality") + "/" + r.<Integer>getAs("list_year"), r);
        }
    }

    private static String municipality(String school, int year) {
        return status.get(school + "/" + year).getAs("municipality");
    }

    @Test
    void eachListYearHasTheMunicipalityOfThatYear() {
        assertEquals(DISTRICT, municipality("S1", 2023), "2023: the row of 2023");
        assertEquals(OKRUG, municipality("S1", 2024), "2024: the row of 2024, exactly from its year");
        assertEquals(DISTRICT, municipality("S1", 2022), "before the first dated row: the first one");
        assertEquals("Школа 1", status.get("S1/2023").getAs("school_name"));
        assertEquals("Школа № 1", status.get("S1/2024").getAs("school_name"));
    }

    @Test
    void aSchoolWithOnlyUndatedRowsKeepsItsLatestVersion() {
        for (int year = 2022; year <= 2024; year++) {
            assertEquals("Юг", municipality("S2", year));
            assertEquals("Школа 2", status.get("S2/" + year).getAs("school_name"));
        }
    }

    @Test
    void aSchoolWhoseFirstDatedRowIs2024IsUnderItIn2022Too() {
        assertEquals(OKRUG, municipality("S3", 2022));
        assertEquals(OKRUG, municipality("S3", 2023));
    }

    @Test
    void municipalCountsPutTheSchoolInTheMunicipalityOfEachYear() {
        Row district2023 = counts.get("municipality/" + DISTRICT + "/2023");
        assertEquals(1, (int) district2023.getAs("schools"));
        assertEquals(1, (int) district2023.getAs("on_list"));
        assertEquals(1, (int) district2023.getAs("stayed"));
        Row okrug2023 = counts.get("municipality/" + OKRUG + "/2023");
        assertEquals(1, (int) okrug2023.getAs("schools"), "only S3 in 2023");
        assertEquals(0, (int) okrug2023.getAs("on_list"));
        assertFalse(counts.containsKey("municipality/" + DISTRICT + "/2024"), "nobody is in the district in 2024");
        Row okrug2024 = counts.get("municipality/" + OKRUG + "/2024");
        assertEquals(2, (int) okrug2024.getAs("schools"));
        assertEquals(2, (int) okrug2024.getAs("on_list"));
        assertEquals(1, (int) okrug2024.getAs("stayed"), "S1 stayed, now counted in the округ");
        assertEquals(1, (int) okrug2024.getAs("first_time"), "S3");
        assertEquals(3, (int) counts.get("region/null/2024").getAs("schools"), "the region counts every school once");
    }

    @Test
    void withoutASchoolYearsSnapshotEveryYearHasTheLatestVersion() {
        Dataset<Row> keys = Frames.frame(new StructType().add("school_id", DataTypes.StringType)
                .add("list_year", DataTypes.IntegerType), "S1|2023", "S1|2023", "S9|2023");
        List<Row> rows = SchoolYears.of(schools, null, keys, "list_year").collectAsList();
        assertEquals(1, rows.size(), "one row per school and year; a school the reference lacks is left out");
        assertEquals(OKRUG, rows.get(0).getAs("municipality"));
    }
}
