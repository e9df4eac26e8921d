package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.results.Mark2Bounds;
import ru.orientir.warehouse.SqlResource;

/**
 * Issue 11, the ingest side: files shaped like a real region's. Schools open and close (and a school missing from a
 * newer version of the reference keeps its history, closed from then on); ЕГЭ aggregates without marks; zero
 * participants; ВПР/ОГЭ scores without marks judged by the configured mark-2 bound, exactly at the bound too.
 */
class RealRegionShapesTest {
    private static final byte[] KEY = "test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SCHOOLS_SNAPSHOT = "SELECT school_id, name, municipality, opened, closed, closed_source, "
            + "in_reference FROM (" + SqlResource.load("sql/snapshot/schools.sql") + ") s ORDER BY school_id";

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

    private List<LoadResult> ingest(Mark2Bounds bounds) {
        IngestSettings settings = new IngestSettings(ColumnAliases.builtIn(), null, KEY).withMark2Bounds(bounds);
        return new FileIngestor(f.warehouse, f.batch, new IngestJobConfiguration(f.batch, ChunkObserver.NONE, settings), "t")
                .ingest(f.inbox);
    }

    private List<LoadResult> ingest() {
        return ingest(Mark2Bounds.NONE);
    }

    private Map<Long, String> reasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    // ---- item 2: schools open and close ------------------------------------------------------------------------

    @Test
    void theReferenceMayGiveOpeningAndClosingYearsUnderTheirRussianNames() throws Exception {
        f.write("schools.csv", """
                код ОО;наименование;МОУО;Год открытия;Ликвидация;тип
                S1;Школа 1;Север;1975;;СОШ
                S2;Школа 2;Север;;31.08.2023;ООШ
                S3;Школа 3;Юг;2021 г.;2024-06-30;НОШ
                S4;Школа 4;Юг;2020;2019;СОШ
                S5;Школа 5;Юг;;в 2023;СОШ
                S6;Школа 6;Юг;1650;;СОШ
                """);
        LoadResult r = IngestFixture.result(ingest(), "schools.csv");
        assertEquals(3, r.rowsLoaded(), reasons("schools.csv").toString());
        Map<Long, String> q = reasons("schools.csv");
        assertEquals("поле «Ликвидация»: 2019 — раньше года открытия (2020); школа не может закрыться до открытия", q.get(5L));
        assertEquals("поле «Ликвидация»: «в 2023» — не год (ожидается год, например 2023, или дата, например 31.08.2023)",
                q.get(6L));
        assertTrue(q.get(7L).startsWith("поле «Год открытия»: 1650 — вне допустимого диапазона лет 1800–"), q.get(7L));
        assertEquals(List.of(row("S1", "1975", null, "{\"тип\":\"СОШ\"}"), row("S2", null, "2023", "{\"тип\":\"ООШ\"}"),
                        row("S3", "2021", "2024", "{\"тип\":\"НОШ\"}")),
                f.rows("SELECT school_id, CAST(opened AS VARCHAR), CAST(closed AS VARCHAR), extra_json FROM stg_schools "
                        + "ORDER BY school_id"));
        assertEquals(Optional.of("closed"), Optional.ofNullable(new Header(List.of("реорганизация")).canonicalAt(0)));
        assertEquals("closed", new Header(List.of("Год закрытия")).canonicalAt(0));
        assertEquals("closed", new Header(List.of("год реорганизации")).canonicalAt(0));
        assertEquals("opened", new Header(List.of("год_открытия")).canonicalAt(0));
    }

    /**
     * The decision pinned here: a newer reference is a new version of the same file. A school it leaves out keeps
     * every row loaded for it (and rows for its past years still load later), and is closed from the last year it has
     * data of its own; with no data at all, from before the region's first data year. The name and municipality are
     * the latest version's.
     */
    @Test
    void aSchoolMissingFromANewerReferenceKeepsItsHistoryAndIsClosedFromThen() throws Exception {
        f.write("schools.csv", """
                school_id,name,municipality,opened
                S1,Школа 1,Север,
                S2,Школа 2,Север,1990
                S3,Школа 3,Юг,
                S4,Школа 4,Юг,
                """);
        f.write("agg_2022.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5
                2022,ВПР,5,математика,S1,10,1,3,4,2
                2022,ВПР,5,математика,S2,6,3,3,0,0
                2022,ВПР,5,математика,S3,7,1,3,3,0
                """);
        f.write("list_2024.csv", "list_year,school_id\n2024,S2\n");
        ingest();
        // The next year: the region's reference drops S2 (closed) and S4 (never had data), renames S1's municipality.
        f.write("schools.csv", """
                school_id,name,municipality,opened
                S1,Школа 1,Северный муниципальный округ,
                S3,Школа 3,Юг,
                S5,Школа 5,Юг,2023
                """);
        f.write("agg_2023.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5
                2023,ВПР,5,математика,S1,10,1,3,4,2
                2023,ВПР,5,математика,S5,5,1,1,1,2
                """);
        // A late file for a past year still names the closed school: it is known, its row loads.
        f.write("agg_2021.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5
                2021,ВПР,5,математика,S2,5,2,3,0,0
                2021,ВПР,5,математика,S9,5,2,3,0,0
                """);
        List<LoadResult> second = ingest();
        assertEquals(1, IngestFixture.result(second, "agg_2021.csv").rowsLoaded(), reasons("agg_2021.csv").toString());
        assertTrue(reasons("agg_2021.csv").get(3L).contains("код ОО «S9» не найден"), reasons("agg_2021.csv").toString());
        assertEquals(2, f.count("SELECT count(*) FROM stg_exam_aggregates WHERE school_id = 'S2'"), "history kept");

        // S2's last data of its own: the 2024 official list; S4 has none: closed before the first data year (2021).
        assertEquals(List.of(
                        row("S1", "Школа 1", "Северный муниципальный округ", null, null, null, "true"),
                        row("S2", "Школа 2", "Север", "1990", "2024", "absent", "false"),
                        row("S3", "Школа 3", "Юг", null, null, null, "true"),
                        row("S4", "Школа 4", "Юг", null, "2020", "absent", "false"),
                        row("S5", "Школа 5", "Юг", "2023", null, null, "true")),
                f.rows(SCHOOLS_SNAPSHOT));
    }

    @Test
    void aSecondReferenceUnderAnotherNameIsToldToReuseTheFileName() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
        ingest();
        f.write("schools_2025.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS2,Школа 2,Юг\n");
        LoadResult r = IngestFixture.result(ingest(), "schools_2025.csv");
        assertEquals(1, r.rowsLoaded());
        assertEquals("поле «school_id»: код ОО «S1» уже загружен из файла «schools.csv»; новую версию справочника "
                + "загружайте под тем же именем файла («schools.csv»): школы, которых в ней нет, будут считаться закрытыми",
                reasons("schools_2025.csv").get(2L));
    }

    /** The same staging rows as the chDB run of sql/snapshot/schools.sql, and the rows ClickHouse gave for them. */
    @Test
    void theSchoolsSnapshotOnDuckDbGivesWhatClickHouseGives() throws Exception {
        try (Connection c = f.warehouse.connection(); Statement s = c.createStatement()) {
            for (String sql : SCHOOLS_SCENARIO) {
                s.execute(sql);
            }
        }
        assertEquals(List.of(
                        row("S1", "Школа 1", "Северный округ", null, null, null, "true"),
                        row("S2", "Школа 2", "Север", "1990", "2023", "absent", "false"),
                        row("S3", "Школа 3", "Юг", null, "2020", "absent", "false"),
                        row("S4", "Школа 4", "Юг", null, "2019", "absent", "false"),
                        row("S5", "Школа 5", "Юг", "2023", "2024", "reference", "true"),
                        row("S6", "Школа 6", "Юг", null, "2022", "reference", "false"),
                        row("S7", "Школа 7", "Юг", null, null, null, "true")),
                f.rows(SCHOOLS_SNAPSHOT));
    }

    /** Run on chDB with the ClickHouse migrations (warehouse/src/test/python/chdb_harness.py): the rows above. */
    static final List<String> SCHOOLS_SCENARIO = List.of("""
            INSERT INTO meta_load (load_id, run_id, file, kind, content_sha256, started_at, finished_at, rows_read,
                                   rows_loaded, rows_quarantined, status, message) VALUES
            ('L1', 'R1', 'schools.csv', 'schools', 'a', '2024-01-01 00:00:00.000', '2024-01-01 00:00:01.000', 4, 4, 0, 'loaded', NULL),
            ('L2', 'R2', 'schools.csv', 'schools', 'b', '2025-01-01 00:00:00.000', '2025-01-01 00:00:01.000', 2, 2, 0, 'loaded', NULL),
            ('L3', 'R3', 'schools.csv', 'schools', 'c', '2025-02-01 00:00:00.000', '2025-02-01 00:00:01.000', 1, 1, 0, 'failed', 'x'),
            ('LX', 'R2', 'extra.csv', 'schools', 'd', '2025-01-01 00:00:00.000', '2025-01-01 00:00:02.000', 1, 1, 0, 'loaded', NULL),
            ('LA', 'R2', 'agg.csv', 'exam_aggregates', 'e', '2025-01-01 00:00:00.000', '2025-01-01 00:00:03.000', 1, 1, 0, 'loaded', NULL),
            ('LR', 'R2', 'res.csv', 'exam_results', 'f', '2025-01-01 00:00:00.000', '2025-01-01 00:00:04.000', 1, 1, 0, 'loaded', NULL),
            ('LO', 'R2', 'list.csv', 'official_list', 'g', '2025-01-01 00:00:00.000', '2025-01-01 00:00:05.000', 1, 1, 0, 'loaded', NULL)
            """, """
            INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json, opened, closed) VALUES
            ('L1', 2, 'S1', 'Школа 1 (старое)', 'Север', '{}', NULL, NULL),
            ('L1', 3, 'S2', 'Школа 2', 'Север', '{}', 1990, NULL),
            ('L1', 4, 'S3', 'Школа 3', 'Юг', '{"a": 1}', NULL, NULL),
            ('L1', 5, 'S4', 'Школа 4', 'Юг', '{}', NULL, NULL),
            ('L1', 6, 'S6', 'Школа 6', 'Юг', '{}', NULL, 2022),
            ('L2', 2, 'S1', 'Школа 1', 'Северный округ', '{}', NULL, NULL),
            ('L2', 3, 'S5', 'Школа 5', 'Юг', '{}', 2023, 2024),
            ('L3', 2, 'S9', 'Не должна', 'Юг', '{}', NULL, NULL),
            ('LX', 2, 'S7', 'Школа 7', 'Юг', '{}', NULL, NULL)
            """, """
            INSERT INTO stg_exam_aggregates (load_id, line, year, procedure, grade, subject, school_id, participants,
                                             mark2, mark3, mark4, mark5, below_min, mean_score) VALUES
            ('LA', 2, 2022, 'ЕГЭ', 11, 'физика', 'S2', 4, NULL, NULL, NULL, NULL, 1, 50.5),
            ('LA', 3, 2021, 'ВПР', 5, 'математика', 'S1', 0, 0, 0, 0, 0, NULL, NULL)
            """, """
            INSERT INTO stg_exam_results (load_id, line, year, procedure, grade, subject, school_id, participant_key,
                                          mark, score, mark2_max_score) VALUES
            ('LR', 2, 2023, 'ВПР', 5, 'математика', 'S2', 'k', 2, 3, 7)
            """, """
            INSERT INTO stg_official_list (load_id, line, list_year, school_id, reason) VALUES
            ('LO', 2, 2020, 'S3', NULL)
            """);

    // ---- items 4 and 5: ЕГЭ aggregates without marks, zero participants ----------------------------------------

    @Test
    void egeAggregatesLoadWithoutMarksWhileVprAndOgeNeedThem() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS2,Школа 2,Юг\n");
        f.write("agg.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5,below_min,mean_score
                2023,ЕГЭ,11,Русский язык,S1,20,,,,,2,"61,5"
                2023,ЕГЭ,11,физика,S1,4,,,,,0,
                2023,ЕГЭ,11,математика базовая,S1,10,1,3,4,2,,
                2023,ЕГЭ,11,химия,S1,6,,,,,,55
                2023,ЕГЭ,11,история,S1,6,1,,3,2,1,
                2023,ВПР,5,математика,S1,10,,,,,3,
                2023,ОГЭ,9,математика,S1,10,2,3,,5,,
                2023,ЕГЭ,11,биология,S1,6,,,,,7,
                """);
        LoadResult r = IngestFixture.result(ingest(), "agg.csv");
        assertEquals(FileKind.EXAM_AGGREGATES, r.kind());
        assertEquals(3, r.rowsLoaded(), reasons("agg.csv").toString());
        Map<Long, String> q = reasons("agg.csv");
        assertEquals("поле «below_min»: пустое значение — строка ЕГЭ без отметок 2–5 должна указать, сколько участников "
                + "не набрали минимальный балл", q.get(5L));
        assertEquals("поле «mark3»: пустое значение при заполненных других отметках — отметки 2–5 указываются все "
                + "(или, для ЕГЭ, ни одной: тогда нужен столбец «ниже минимума»)", q.get(6L));
        assertEquals("поле «mark2»: пустое значение — для ВПР нужны количества отметок 2–5 (без отметок допускаются "
                + "только строки ЕГЭ)", q.get(7L));
        assertTrue(q.get(8L).startsWith("поле «mark4»: пустое значение при заполненных других отметках"), q.get(8L));
        assertEquals("поле «below_min»: 7 — вне допустимого диапазона 0–6", q.get(9L));
        assertEquals(List.of(
                        row("Русский язык", "20", null, null, null, null, "2", "61.5"),
                        row("математика базовая", "10", "1", "3", "4", "2", null, null),
                        row("физика", "4", null, null, null, null, "0", null)),
                f.rows("SELECT subject, CAST(participants AS VARCHAR), CAST(mark2 AS VARCHAR), CAST(mark3 AS VARCHAR), "
                        + "CAST(mark4 AS VARCHAR), CAST(mark5 AS VARCHAR), CAST(below_min AS VARCHAR), "
                        + "CAST(mean_score AS VARCHAR) FROM stg_exam_aggregates ORDER BY subject"));
    }

    @Test
    void anEgeFileWithoutMarkColumnsIsStillAggregates() throws Exception {
        assertEquals(Optional.of(FileKind.EXAM_AGGREGATES), FileKind.detect(new Header(List.of(
                "год", "процедура", "класс", "предмет", "код ОО", "участников", "ниже минимума", "средний балл"))));
        assertEquals(Optional.empty(), FileKind.detect(new Header(List.of(
                "год", "процедура", "класс", "предмет", "код ОО", "участников", "средний балл"))),
                "participants alone say nothing about the results");
        // The upper row of a two-row header («Отметка» over «2 | 3 | 4 | 5») is not yet the header: the row below is.
        assertEquals(Optional.empty(), FileKind.detect(new Header(List.of(
                "год", "процедура", "класс", "предмет", "код ОО", "участников", "Отметка", "Отметка", "Отметка",
                "Отметка", "ниже минимума", "средний балл"))));
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
        f.write("ege.csv", """
                год;процедура;класс;предмет;код ОО;участников;ниже минимума;средний балл
                2023;ЕГЭ;11;обществознание;S1;12;3;51,2
                2023;ВПР;5;математика;S1;12;3;
                """);
        LoadResult r = IngestFixture.result(ingest(), "ege.csv");
        assertEquals(1, r.rowsLoaded());
        assertEquals("поле «mark2»: нет столбца в файле — для ВПР нужны количества отметок 2–5 (без отметок "
                + "допускаются только строки ЕГЭ)", reasons("ege.csv").get(3L));
    }

    @Test
    void zeroParticipantsLoadAsZeros() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
        f.write("agg.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5,below_min,mean_score
                2023,ВПР,6,история,S1,0,0,0,0,0,,
                2023,ЕГЭ,11,физика,S1,0,,,,,0,
                2023,ОГЭ,9,химия,S1,0,0,0,0,1,,
                """);
        LoadResult r = IngestFixture.result(ingest(), "agg.csv");
        assertEquals(LoadResult.Status.LOADED, r.status());
        assertEquals(2, r.rowsLoaded());
        assertEquals("поле «participants»: 0 — не равно сумме отметок 2–5 (1)", reasons("agg.csv").get(4L));
        assertEquals(List.of(row("ВПР", "0", "0", "0"), row("ЕГЭ", "0", null, "0")),
                f.rows("SELECT procedure, CAST(participants AS VARCHAR), CAST(mark2 AS VARCHAR), "
                        + "CAST(coalesce(below_min, mark5) AS VARCHAR) FROM stg_exam_aggregates ORDER BY procedure"));
    }

    // ---- item 6: ВПР/ОГЭ scores without marks -------------------------------------------------------------------

    @Test
    void aScoreWithoutAMarkIsJudgedByTheMarkTwoBoundExactlyAtTheBound() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
        f.write("results.csv", """
                year,procedure,grade,subject,school_id,participant_id,mark,score
                2023,ВПР,5,математика,S1,p1,,7
                2023,ВПР,5,Математика,S1,p2,,8
                2023,ВПР,5,МАТЕМАТИКА ,S1,p3,,"7,5"
                2023,ВПР,5,математика,S1,p4,,0
                2023,ВПР,5,математика,S1,p5,4,3
                2023,ВПР,5,матем.,S1,p6,,3
                2023,ОГЭ,9,математика,S1,p7,,9
                2023,ЕГЭ,11,физика,S1,p8,,30
                2024,ВПР,5,математика,S1,p9,,3
                2023,ОГЭ,9,русский  язык,S1,p10,,14
                """);
        Mark2Bounds bounds = Mark2Bounds.of(List.of(new Mark2Bounds.Bound(2023, "ВПР", 5, "математика", 7),
                new Mark2Bounds.Bound(2023, "ОГЭ", 9, "Русский язык", 14)));
        LoadResult r = IngestFixture.result(ingest(bounds), "results.csv");
        assertEquals(7, r.rowsLoaded(), reasons("results.csv").toString());
        Map<Long, String> q = reasons("results.csv");
        assertEquals("поле «mark»: пустое значение, а балл 3 не переводится в отметку: не задана граница отметки «2» "
                + "для ВПР 5 кл., «матем.», 2023 — укажите отметку в файле или задайте границу в orientir.yml: "
                + "ingest.mark2-bounds: [{year: 2023, procedure: ВПР, grade: 5, subject: матем., max-score-for-2: …}]",
                q.get(7L));
        assertTrue(q.get(8L).contains("для ОГЭ 9 кл., «математика», 2023"), q.get(8L));
        assertTrue(q.get(10L).contains("для ВПР 5 кл., «математика», 2024"), q.get(10L));
        assertEquals(List.of(
                        row("2", "7.0", "7.0"),      // exactly at the bound: mark 2
                        row(null, "8.0", "7.0"),     // one above: «не 2», no mark
                        row(null, "7.5", "7.0"),     // half a point above: «не 2»
                        row("2", "0.0", "7.0"),
                        row("4", "3.0", null),       // a mark given is kept as given
                        row(null, "30.0", null),     // ЕГЭ: scores against the minimum, no bound
                        row("2", "14.0", "14.0")),   // ОГЭ, the subject matched with case and spaces folded
                f.rows("SELECT CAST(mark AS VARCHAR), CAST(score AS VARCHAR), CAST(mark2_max_score AS VARCHAR) "
                        + "FROM stg_exam_results ORDER BY line"));
    }

    @Test
    void boundsFoldCaseYoAndSpacesAndRefuseTwoForOneProcedure() {
        Mark2Bounds bounds = Mark2Bounds.of(List.of(new Mark2Bounds.Bound(2023, "ВПР", 6, "Естествознание  (ёлка)", 5)));
        assertEquals(5.0, bounds.find(2023, "ВПР", 6, "естествознание (елка)").maxScoreFor2());
        assertNull(bounds.find(2023, "ВПР", 7, "естествознание (елка)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mark2Bounds.of(List.of(
                new Mark2Bounds.Bound(2023, "ВПР", 5, "Математика", 7), new Mark2Bounds.Bound(2023, "ВПР", 5, "математика", 8))));
        assertEquals("граница для ВПР 5 кл., «математика», 2023 задана дважды (уже есть «Математика»)", e.getMessage());
    }
}
