package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.etl.ingest.columns.ColumnAliases;

/** Exam results, aggregates, context and staffing: kinds detected, every row loaded or quarantined with its reason. */
class InputKindsTest {
    private static final byte[] KEY = "test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    IngestFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new IngestFixture(dir);
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS2,Школа 2,Юг\n");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<LoadResult> ingest(IngestSettings settings) {
        return new FileIngestor(f.warehouse, f.batch, new IngestJobConfiguration(f.batch, ChunkObserver.NONE, settings), "t")
                .ingest(f.inbox);
    }

    private static IngestSettings withKey() {
        return new IngestSettings(ColumnAliases.builtIn(), null, KEY);
    }

    private Map<Long, String> reasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    @Test
    void studentResultsArePseudonymisedValidatedAndDeduplicated() throws Exception {
        f.write("results.csv", """
                год,процедура,класс,предмет,код ОО,код участника,отметка,балл
                2023,ВПР,5,математика,S1,1000000001,2,3
                2023,ВПР,5,математика,S1,1000000002,5,"14,5"
                2023,ОГЭ,9,математика,S2,1000000003,4,21
                2023,ВПР,5,математика,S1,1000000001,3,7
                2023,ОГЭ,8,математика,S2,1000000004,4,21
                2023,ЕГЭ,11,физика,S2,1000000005,,101
                2023,ВПР,5,математика,S9,1000000006,3,
                2023,ВПР,5,математика,S1,1000000007,6,
                2023,ВПР,5,математика,S1,1000000008,,
                Итого,,,,,,,
                2023,ВПР,5,математика,S1,1000000009,abc,
                """);
        LoadResult r = IngestFixture.result(ingest(withKey()), "results.csv");
        assertEquals(FileKind.EXAM_RESULTS, r.kind());
        assertEquals(LoadResult.Status.LOADED, r.status(), r.message());
        assertEquals(11, r.rowsRead());
        assertEquals(3, r.rowsLoaded());
        assertEquals(8, r.rowsQuarantined());
        Map<Long, String> q = reasons("results.csv");
        assertEquals("повтор: результат этого участника по этой процедуре уже загружен", q.get(5L));
        assertEquals("поле «класс»: 8 — класс не подходит для ОГЭ (ожидается 9)", q.get(6L));
        assertEquals("поле «балл»: 101 — вне допустимого диапазона 0–100", q.get(7L));
        assertTrue(q.get(8L).contains("код ОО «S9» не найден"), q.get(8L));
        assertEquals("поле «отметка»: 6 — вне допустимого диапазона 2–5", q.get(9L));
        assertEquals("поле «отметка»: нет ни отметки, ни балла — нужен хотя бы один из них", q.get(10L));
        assertEquals("строка итогов («Итого») — не данные", q.get(11L));
        assertEquals("поле «отметка»: «abc» — не целое число (ожидается 2–5)", q.get(12L));

        // No raw participant id anywhere in the warehouse: staging holds keyed hashes, quarantine masks them.
        for (List<String> row : f.rows("SELECT participant_key FROM stg_exam_results")) {
            assertTrue(row.get(0).matches("[0-9a-f]{32}"), row.get(0));
        }
        for (List<String> row : f.rows("SELECT raw FROM meta_quarantine")) {
            assertFalse(row.get(0).matches("(?s).*100000000\\d.*"), "raw participant id in quarantine: " + row.get(0));
        }
        assertEquals(List.of(List.of("14.5")), f.rows("SELECT CAST(score AS VARCHAR) FROM stg_exam_results WHERE mark = 5"));
        assertEquals(r.rowsRead(), r.rowsLoaded() + r.rowsQuarantined());
    }

    @Test
    void withoutAPseudonymKeyResultsFailClearlyAndOtherFilesLoad() throws Exception {
        f.write("results.csv", "year,procedure,grade,subject,school_id,participant_id,mark,score\n2023,ВПР,5,математика,S1,1,3,\n");
        List<LoadResult> results = ingest(new IngestSettings(ColumnAliases.builtIn(), null, null));
        LoadResult r = IngestFixture.result(results, "results.csv");
        assertEquals(LoadResult.Status.FAILED, r.status());
        assertTrue(r.message().contains("ORIENTIR_PSEUDONYM_KEY"), r.message());
        assertEquals(LoadResult.Status.LOADED, IngestFixture.result(results, "schools.csv").status());
        assertEquals(0, f.count("SELECT count(*) FROM stg_exam_results"));
    }

    @Test
    void aggregatesContextAndStaffingCheckTheirConsistency() throws Exception {
        f.write("agg.csv", """
                year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5,below_min,mean_score
                2023,ЕГЭ,11,русский язык,S1,20,2,8,6,4,2,"61,5"
                2023,ЕГЭ,11,русский язык,S2,20,2,8,6,5,,
                2023,ЕГЭ,11,русский язык,S1,20,2,8,6,4,,
                ,,,,,40,4,16,12,8,,
                """);
        f.write("context.csv", """
                year,school_id,parents_higher_education_share,low_income_share,settlement_population,distance_km,direct_transport,internet,computers_per_100
                2023,S1,"0,35",12%,1 200,"45,5",да,стабильный,"8,5"
                2023,S2,"1,5",,,,может быть,,
                2023,S2,"0,2",,,,нет,нет,
                """);
        f.write("staff.csv", """
                год,код ОО,наименование ОО,обучающихся,педагогических работников,учителей,вакансий,учителей пенсионного возраста,учителей без профильной подготовки,средняя нагрузка,смена руководителя
                2023,S1,Школа 1,300,30,25,1,6,2,"24,5",нет
                2023,S2,Школа 2,90,10,12,0,1,0,20,да
                2023,S1,Школа 1,300,30,25,1,6,2,"24,5",нет
                """);
        List<LoadResult> results = ingest(withKey());
        LoadResult agg = IngestFixture.result(results, "agg.csv");
        assertEquals(FileKind.EXAM_AGGREGATES, agg.kind());
        assertEquals(1, agg.rowsLoaded());
        Map<Long, String> qa = reasons("agg.csv");
        assertEquals("поле «participants»: 20 — не равно сумме отметок 2–5 (21)", qa.get(3L));
        assertTrue(qa.get(4L).startsWith("поле «school_id»: повтор: результаты ЕГЭ 11 кл., «русский язык», 2023 для этой школы: уже в строке 2"), qa.get(4L));
        assertEquals("нет кода ОО, но есть числа — похоже на строку итогов или подытогов", qa.get(5L));

        LoadResult ctx = IngestFixture.result(results, "context.csv");
        assertEquals(FileKind.SCHOOL_CONTEXT, ctx.kind());
        assertEquals(2, ctx.rowsLoaded(), reasons("context.csv").toString());
        assertTrue(reasons("context.csv").get(3L).contains("доля должна быть от 0 до 1"), reasons("context.csv").toString());
        assertEquals(List.of(List.of("0.35", "0.12", "1200", "45.5", "true", "stable", "8.5")),
                f.rows("SELECT CAST(parents_higher_education_share AS VARCHAR), CAST(low_income_share AS VARCHAR), "
                        + "CAST(settlement_population AS VARCHAR), CAST(distance_km AS VARCHAR), CAST(direct_transport AS VARCHAR), "
                        + "internet, CAST(computers_per_100 AS VARCHAR) FROM stg_school_context WHERE school_id = 'S1'"));

        LoadResult staff = IngestFixture.result(results, "staff.csv");
        assertEquals(FileKind.STAFFING, staff.kind());
        assertEquals(1, staff.rowsLoaded());
        assertEquals("поле «учителей»: 12 — учителей больше, чем педагогических работников (10)", reasons("staff.csv").get(3L));
        assertEquals("поле «код ОО»: повтор: кадры школы «S1» за 2023 год: уже в строке 2", reasons("staff.csv").get(4L));
    }
}
