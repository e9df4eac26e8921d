package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion on a real DuckDB warehouse and a real Spring Batch job repository. */
class FileIngestorTest {
    private static final String SCHOOLS = """
            school_id,name,municipality,settlement
            S1,"Школа № 1, филиал",Север,с. Ивановка
            S2,Школа № 2,Север,с. Петровка
            S3,Школа № 3,Юг,г. Тара
            ,Без кода,Юг,
            S2,Дубль,Юг,
            S4,Нет муниципалитета,,
            S5,"сломанная кавычка,Юг,
            """;

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

    private Map<Long, String> quarantineReasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    @Test
    void everyRowIsLoadedOrQuarantinedWithARussianReason() throws Exception {
        f.write("schools.csv", SCHOOLS);
        f.write("list.csv", """
                list_year,school_id,reason
                2023,S1,НОР
                2023,S3,
                2023,S9,НОР
                abc,S2,НОР
                1899,S2,
                2023,S1,повтор
                2024,,НОР
                2024,S1,НОР,лишнее поле

                """);
        List<LoadResult> results = f.ingest();

        LoadResult schools = IngestFixture.result(results, "schools.csv");
        assertEquals(LoadResult.Status.LOADED, schools.status());
        assertEquals(FileKind.SCHOOLS, schools.kind());
        assertEquals(7, schools.rowsRead());
        assertEquals(3, schools.rowsLoaded());
        assertEquals(4, schools.rowsQuarantined());
        Map<Long, String> schoolReasons = quarantineReasons("schools.csv");
        assertEquals("поле «school_id»: пустое значение — поле обязательно", schoolReasons.get(5L));
        assertEquals("поле «school_id»: код ОО «S2» повторяется: уже указан в строке 3", schoolReasons.get(6L));
        assertEquals("поле «municipality»: пустое значение — поле обязательно", schoolReasons.get(7L));
        assertTrue(schoolReasons.get(8L).startsWith("незакрытая кавычка"), schoolReasons.get(8L));

        LoadResult list = IngestFixture.result(results, "list.csv");
        assertEquals(9, list.rowsRead());
        assertEquals(2, list.rowsLoaded());
        assertEquals(7, list.rowsQuarantined());
        assertEquals(list.rowsRead(), list.rowsLoaded() + list.rowsQuarantined());
        Map<Long, String> listReasons = quarantineReasons("list.csv");
        assertTrue(listReasons.get(4L).contains("код ОО «S9» не найден в справочнике школ"), listReasons.get(4L));
        assertTrue(listReasons.get(5L).startsWith("поле «list_year»: «abc» — не число"), listReasons.get(5L));
        assertTrue(listReasons.get(6L).contains("1899 — вне допустимого диапазона"), listReasons.get(6L));
        assertTrue(listReasons.get(7L).contains("уже указана в списке 2023 года в строке 2"), listReasons.get(7L));
        assertTrue(listReasons.get(8L).startsWith("поле «school_id»: пустое значение"), listReasons.get(8L));
        assertTrue(listReasons.get(9L).startsWith("число полей (4) не совпадает с заголовком (3)"), listReasons.get(9L));
        assertEquals("пустая строка", listReasons.get(10L));

        // the quarantine keeps the raw row whole, and the extra columns of a school are kept
        assertEquals(List.of(List.of("2024,S1,НОР,лишнее поле")),
                f.rows("SELECT raw FROM meta_quarantine WHERE file = 'list.csv' AND line = 9"));
        assertEquals(List.of(List.of("{\"settlement\":\"с. Ивановка\"}")),
                f.rows("SELECT extra_json FROM stg_schools WHERE school_id = 'S1'"));
        assertEquals(List.of(List.of("Школа № 1, филиал")), f.rows("SELECT name FROM stg_schools WHERE school_id = 'S1'"));
        assertEquals(List.of(List.of("2023", "S1", "НОР"), java.util.Arrays.asList("2023", "S3", null)),
                f.rows("SELECT list_year, school_id, reason FROM stg_official_list ORDER BY school_id"));
    }

    @Test
    void theSameContentIsSkippedAndAChangedFileReplacesItsRows() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\nS2,Школа 2,Север\n");
        f.write("list-2023.csv", "list_year,school_id\n2023,S1\n2023,S2\n");
        f.ingest();

        List<LoadResult> again = f.ingest();
        assertTrue(again.stream().allMatch(r -> r.status() == LoadResult.Status.SKIPPED), again.toString());
        assertEquals(2, f.count("SELECT count(*) FROM stg_official_list"));

        f.write("list-2023.csv", "list_year,school_id\n2023,S2\n");
        LoadResult changed = IngestFixture.result(f.ingest(), "list-2023.csv");
        assertEquals(LoadResult.Status.LOADED, changed.status());
        assertEquals(List.of(List.of("2023", "S2")), f.rows("SELECT list_year, school_id FROM stg_official_list"),
                "the earlier version's rows are gone");

        // A copy of already-loaded content under another name is skipped too.
        Files.copy(f.inbox.resolve("schools.csv"), f.inbox.resolve("schools-copy.csv"));
        LoadResult copy = IngestFixture.result(f.ingest(), "schools-copy.csv");
        assertEquals(LoadResult.Status.SKIPPED, copy.status());
        assertTrue(copy.message().contains("schools.csv"), copy.message());
    }

    @Test
    void anUnreadableFileFailsAloneAndTheOthersLoad() throws Exception {
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Север\n");
        f.write("notes.csv", "что,это\n1,2\n");
        Files.write(f.inbox.resolve("cp1251.csv"), "код ОО;наименование;МОУО\nS7;Школа;Юг\n".getBytes("windows-1251"));
        f.write("empty.csv", "");
        Files.write(f.inbox.resolve("old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        List<LoadResult> results = f.ingest();

        assertEquals(LoadResult.Status.LOADED, IngestFixture.result(results, "schools.csv").status());
        LoadResult unknown = IngestFixture.result(results, "notes.csv");
        assertEquals(LoadResult.Status.FAILED, unknown.status());
        assertTrue(unknown.message().startsWith("не удалось определить тип файла: не найдена строка заголовка"), unknown.message());
        assertTrue(unknown.message().contains("schools: school_id,name,municipality"), unknown.message());
        LoadResult cp1251 = IngestFixture.result(results, "cp1251.csv");
        assertEquals(LoadResult.Status.LOADED, cp1251.status(), "windows-1251 with ';' and Russian headers loads");
        assertEquals(List.of(List.of("Школа", "Юг")), f.rows("SELECT name, municipality FROM stg_schools WHERE school_id = 'S7'"));
        assertTrue(IngestFixture.result(results, "empty.csv").message().contains("пустой файл"));
        assertTrue(IngestFixture.result(results, "old.xls").message().contains("XLS (Excel 97–2003) не поддерживается"),
                IngestFixture.result(results, "old.xls").message());
        assertEquals(3, f.count("SELECT count(*) FROM meta_load WHERE status = 'failed'"));
        // every load carries its kind's Russian name for people (dashboards, reports); a file of no kind says so
        assertEquals(List.of(List.of("schools", FileKind.SCHOOLS.russianName())),
                f.rows("SELECT DISTINCT kind, kind_name FROM meta_load WHERE status = 'loaded'"));
        assertEquals(List.of(List.of("unknown", "тип не определён")),
                f.rows("SELECT DISTINCT kind, kind_name FROM meta_load WHERE file = 'notes.csv'"));
    }

    @Test
    void aLoadThatFailsPartWayResumesToExactlyTheRowsOfACleanLoad() throws Exception {
        StringBuilder csv = new StringBuilder("school_id,name,municipality\n");
        int chunk = ru.orientir.etl.ingest.batch.IngestJobConfiguration.CHUNK_SIZE;
        int total = chunk * 5 / 2;
        for (int i = 1; i <= total; i++) {
            csv.append("S").append(i).append(",Школа ").append(i).append(",Район ").append(i % 7).append('\n');
        }
        csv.append(",без кода,Район\n");
        f.write("schools.csv", csv.toString());

        // The crash comes after the second chunk reached the warehouse but before Spring Batch recorded it.
        int[] chunks = {0};
        LoadResult failed = IngestFixture.result(f.ingest(lastLine -> {
            if (++chunks[0] == 2) {
                throw new IllegalStateException("simulated crash after line " + lastLine);
            }
        }), "schools.csv");
        assertEquals(LoadResult.Status.FAILED, failed.status());
        assertTrue(failed.message().contains("simulated crash"), failed.message());
        assertEquals(2L * chunk, f.count("SELECT count(*) FROM stg_schools"), "two chunks reached the warehouse");
        assertEquals(0, f.count("SELECT count(*) FROM meta_active_load"), "a failed load is not visible");

        LoadResult resumed = IngestFixture.result(f.ingest(), "schools.csv");
        assertEquals(LoadResult.Status.LOADED, resumed.status(), resumed.message());
        assertEquals(failed.loadId(), resumed.loadId(), "the same load resumed, not a new one");
        assertEquals(total + 1, resumed.rowsRead());
        assertEquals(total, resumed.rowsLoaded());
        assertEquals(1, resumed.rowsQuarantined());
        assertEquals(total, f.count("SELECT count(DISTINCT school_id) FROM stg_schools"));
        assertEquals(total, f.count("SELECT count(*) FROM stg_schools"), "no row twice");
        assertEquals(1, f.count("SELECT count(*) FROM meta_quarantine"));
        long executions = f.batch.jobRepository().getJobExecutions(
                f.batch.jobRepository().getLastJobInstance("ingest-schools")).size();
        assertEquals(2, executions, "Spring Batch restarted the failed execution");
    }
}
