package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.SqlResource;

/**
 * Issue 11, item 2 (docs/methodology.md §3.5): the school reference may say from which year each row describes the
 * school (as_of_year, «по состоянию на год», «год справочника», «учебный год справочника»), so a school keeps the
 * municipality of each year when districts merge into округа. One file per year and one multi-year file both load;
 * the same school and year twice is a duplicate; references without the column load as before.
 */
class SchoolReferenceYearsTest {
    private static final String SCHOOL_YEARS = "SELECT school_id, CAST(as_of_year AS VARCHAR), name, municipality FROM ("
            + SqlResource.load("sql/snapshot/school_years.sql") + ") y ORDER BY school_id, as_of_year";
    private static final String SCHOOLS = "SELECT school_id, name, municipality, CAST(in_reference AS VARCHAR) FROM ("
            + SqlResource.load("sql/snapshot/schools.sql") + ") s ORDER BY school_id";

    @TempDir
    Path dir;
    IngestFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Optional<FileKind> detect(String header) {
        return FileKind.detect(new Header(List.of(header.split(",", -1))));
    }

    private Map<Long, String> reasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void aDatedReferenceIsStillAReferenceAndFiokosListStaysFioko() {
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("as_of_year,school_id,name,municipality"));
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("Год справочника,Код ОО,Наименование,МОУО"));
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("По состоянию на год,код ОО,наименование,муниципалитет"));
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("учебный_год_справочника,код ОО,наименование ОО,муниципалитет"));
        // a year column beside the reference year is one of the reference's extra columns, not ФИОКО's list
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("год,год справочника,код ОО,наименование,муниципалитет"));
        assertEquals("as_of_year", new Header(List.of("Учебный год справочника")).canonicalAt(0));
        // ФИОКО's list of flagged schools: year, school code, name and municipality — as before
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("год,код ОО,наименование,муниципалитет"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("учебный год,код ОО,наименование ОО,муниципалитет"));
        assertEquals(Optional.of(FileKind.OBJECTIVITY_FLAGS), detect("year,school_id,name,municipality,note"));
        assertEquals(Optional.of(FileKind.SCHOOLS), detect("school_id,name,municipality"));
    }

    /** The worked example of §3.5: one multi-year file; «Северный район» became «Северный округ» as of 2024. */
    @Test
    void aMultiYearFileGivesEachYearItsRowAndRefusesTheSameYearTwice() throws Exception {
        f.write("schools.csv", """
                код ОО;наименование;МОУО;год справочника
                S1;Школа 1;Северный район;2023
                S1;Школа 1;Северный округ;2024
                S2;Школа 2;Северный округ;2024
                S3;Школа 3;Юг;
                S1;Школа № 1;Северный округ;2024
                S4;Школа 4;Юг;
                S4;Школа 4;Юг;2024
                S5;Школа 5;Юг;в 2024
                """);
        LoadResult r = IngestFixture.result(f.ingest(), "schools.csv");
        assertEquals(FileKind.SCHOOLS, r.kind());
        Map<Long, String> q = reasons("schools.csv");
        assertEquals(5, r.rowsLoaded(), q.toString());
        assertEquals("поле «school_id»: код ОО «S1» на 2024 год (столбец «год справочника») повторяется: уже указан в "
                + "строке 3", q.get(6L));
        assertEquals("поле «school_id»: код ОО «S4» уже указан в строке 7 без года (столбец «год справочника» пуст): у "
                + "одной школы либо все строки с годом, либо одна строка без года", q.get(8L));
        assertEquals("поле «год справочника»: «в 2024» — не год (ожидается год, например 2023, или дата, например "
                + "31.08.2023)", q.get(9L));
        assertEquals(3, q.size(), q.toString());

        assertEquals(List.of(
                        row("S1", "2023", "Школа 1", "Северный район"),
                        row("S1", "2024", "Школа 1", "Северный округ"),
                        row("S2", "2024", "Школа 2", "Северный округ")),
                f.rows(SCHOOL_YEARS));
        // the latest version: the greatest year for dated schools, the only row for the others
        assertEquals(List.of(
                        row("S1", "Школа 1", "Северный округ", "true"),
                        row("S2", "Школа 2", "Северный округ", "true"),
                        row("S3", "Школа 3", "Юг", "true"),
                        row("S4", "Школа 4", "Юг", "true")),
                f.rows(SCHOOLS));
        assertTrue(f.rows("SELECT extra_json FROM stg_schools").stream().noneMatch(e -> e.get(0).contains("справочника")),
                "the reference year is a column of its own, not an extra one");
    }

    /** One reference file per year: the same schools in each, each file a year; a year's file replaced by its new version. */
    @Test
    void oneFilePerYearLoadsEveryYearAndANewVersionReplacesItsYear() throws Exception {
        f.write("schools_2023.csv", """
                school_id,name,municipality,as_of_year
                S1,Школа 1,Северный район,2023
                S2,Школа 2,Северный район,2023
                """);
        f.write("schools_2024.csv", """
                school_id,name,municipality,as_of_year
                S1,Школа 1,Северный округ,2024
                S2,Школа 2,Северный округ,2024
                S1,Школа 1,Северный округ,2023
                """);
        List<LoadResult> first = f.ingest();
        assertEquals(2, IngestFixture.result(first, "schools_2023.csv").rowsLoaded());
        assertEquals(2, IngestFixture.result(first, "schools_2024.csv").rowsLoaded(), reasons("schools_2024.csv").toString());
        assertEquals("поле «school_id»: код ОО «S1» на 2023 год уже загружен из файла «schools_2023.csv»; исправленную "
                + "строку загружайте в новой версии этого файла (под тем же именем «schools_2023.csv»)",
                reasons("schools_2024.csv").get(4L));

        // The region corrects its 2024 file: S2 did not move. The earlier version's S2 row is history, not a year.
        f.write("schools_2024.csv", """
                school_id,name,municipality,as_of_year
                S1,Школа 1,Северный округ,2024
                """);
        // An undated reference beside dated ones cannot be placed in time: refused as a second reference, as before.
        f.write("extra.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS9,Школа 9,Юг\n");
        List<LoadResult> second = f.ingest();
        assertEquals(1, IngestFixture.result(second, "schools_2024.csv").rowsLoaded());
        assertEquals(1, IngestFixture.result(second, "extra.csv").rowsLoaded());
        assertEquals("поле «school_id»: код ОО «S1» уже загружен из файла «schools_2023.csv»; новую версию справочника "
                + "загружайте под тем же именем файла («schools_2023.csv»): школы, которых в ней нет, будут считаться "
                + "закрытыми", reasons("extra.csv").get(2L));
        assertEquals(List.of(
                        row("S1", "2023", "Школа 1", "Северный район"),
                        row("S1", "2024", "Школа 1", "Северный округ"),
                        row("S2", "2023", "Школа 2", "Северный район")),
                f.rows(SCHOOL_YEARS));
        assertEquals(List.of(
                        row("S1", "Школа 1", "Северный округ", "true"),
                        row("S2", "Школа 2", "Северный район", "true"),
                        row("S9", "Школа 9", "Юг", "true")),
                f.rows(SCHOOLS));
    }

    @Test
    void aDatedRowBesideAnUndatedReferenceIsToldToDateThatReference() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Северный район\n");
        f.ingest();
        f.write("schools_2024.csv", "school_id,name,municipality,as_of_year\nS1,Школа 1,Северный округ,2024\n");
        LoadResult r = IngestFixture.result(f.ingest(), "schools_2024.csv");
        assertEquals(0, r.rowsLoaded());
        assertEquals("поле «school_id»: код ОО «S1» уже загружен из файла «schools.csv» без года справочника: строка без "
                + "года не говорит, к каким годам она относится; загрузите новую версию «schools.csv» (под тем же "
                + "именем) со столбцом «год справочника»", reasons("schools_2024.csv").get(2L));
        // Done as told: the reference's new version carries the year, and the 2024 file then loads.
        f.write("schools.csv", "school_id,name,municipality,год справочника\nS1,Школа 1,Северный район,2020\n");
        f.ingest();
        f.write("schools_2024.csv", "school_id,name,municipality,as_of_year\nS1,Школа № 1,Северный округ,2024\n");
        assertEquals(1, IngestFixture.result(f.ingest(), "schools_2024.csv").rowsLoaded());
        assertEquals(List.of(row("S1", "2020", "Школа 1", "Северный район"), row("S1", "2024", "Школа № 1", "Северный округ")),
                f.rows(SCHOOL_YEARS));
        assertEquals(List.of(), f.rows("SELECT * FROM (" + SqlResource.load("sql/snapshot/schools.sql")
                + ") s WHERE closed IS NOT NULL"), "no school closed by the move to dated references");
    }
}
