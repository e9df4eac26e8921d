package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ФИОКО's 500+ survey risk profiles and objectivity flags: detected by English or Russian headers, from CSV (UTF-8 or
 * windows-1251, any separator) and XLSX; levels normalised; bad levels, unknown schools, implausible years and
 * duplicates (in the file and across files) quarantined with a Russian reason naming the field.
 */
class SurveyAndObjectivityKindsTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

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

    private Map<Long, String> reasons(String file) throws Exception {
        return f.rows("SELECT line, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1)));
    }

    private Map<Long, String> fields(String file) throws Exception {
        return f.rows("SELECT line, field FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> String.valueOf(r.get(1))));
    }

    private static void assertLoad(LoadResult r, FileKind kind, long read, long loaded, long quarantined) {
        assertEquals(kind, r.kind(), r.file());
        assertEquals(LoadResult.Status.LOADED, r.status(), r.file() + ": " + r.message());
        assertEquals(List.of(read, loaded, quarantined), List.of(r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined()), r.file());
    }

    @Test
    void riskSurveyLoadsWithLevelsNormalisedAndRisksTidied() throws Exception {
        f.write("survey.csv", """
                year,school_id,risk,level
                2023,S1,низкий уровень оснащения школы,высокий
                2023,S1,"  дефицит   педагогических кадров ",Средний
                2023,S2,низкий уровень вовлечённости родителей,Высокий уровень риска
                2023,S2,дефицит педагогических кадров,НИЗКИЙ УРОВЕНЬ
                """);
        LoadResult r = IngestFixture.result(f.ingest(), "survey.csv");
        assertLoad(r, FileKind.RISK_SURVEY, 4, 4, 0);
        assertEquals(List.of(
                        List.of("S1", "дефицит педагогических кадров", "средний"),
                        List.of("S1", "низкий уровень оснащения школы", "высокий"),
                        List.of("S2", "дефицит педагогических кадров", "низкий"),
                        List.of("S2", "низкий уровень вовлечённости родителей", "высокий")),
                f.rows("SELECT school_id, risk, level FROM stg_risk_survey WHERE year = 2023 ORDER BY school_id, risk"));
    }

    @Test
    void riskSurveyWithRussianHeadersInWindows1251WithSemicolons() throws Exception {
        Files.write(f.inbox.resolve("анкетирование.csv"), """
                Год;Код ОО;Рисковый профиль;Уровень риска
                2023;S1;риски низкой адаптивности учебного процесса;средний
                2023;S2;высокая доля обучающихся с ОВЗ;низкий
                """.getBytes(CP1251));
        f.write("survey_factor.csv", "год,логин ОО,фактор риска,уровень\n2022,S1,дефицит педагогических кадров,высокий\n");
        List<LoadResult> results = f.ingest();
        assertLoad(IngestFixture.result(results, "анкетирование.csv"), FileKind.RISK_SURVEY, 2, 2, 0);
        assertLoad(IngestFixture.result(results, "survey_factor.csv"), FileKind.RISK_SURVEY, 1, 1, 0);
        assertEquals(3, f.count("SELECT count(*) FROM stg_risk_survey"));
    }

    @Test
    void badLevelsUnknownSchoolsYearsAndDuplicatesAreQuarantinedWithTheirReason() throws Exception {
        f.write("survey.csv", """
                год,код ОО,риск,уровень риска
                2023,S1,дефицит педагогических кадров,высокий
                2023,S1,низкий уровень оснащения школы,очень высокий
                2023,S9,дефицит педагогических кадров,средний
                2023,S1,дефицит  педагогических кадров,низкий
                1999,S2,дефицит педагогических кадров,низкий
                2023,S2,,низкий
                2023,S2,низкий уровень оснащения школы,
                2023,S2,низкая учебная мотивация,низкий
                """);
        // the same school, year and risk in another file
        f.write("survey_more.csv", "year,school_id,risk,level\n2023,S2,низкая учебная мотивация,средний\n");
        List<LoadResult> results = f.ingest();
        assertLoad(IngestFixture.result(results, "survey.csv"), FileKind.RISK_SURVEY, 8, 2, 6);
        Map<Long, String> q = reasons("survey.csv");
        assertEquals("поле «уровень риска»: «очень высокий» — ожидается «высокий», «средний» или «низкий» "
                + "(допускается и полная форма, например «высокий уровень риска»)", q.get(3L));
        assertEquals("level", fields("survey.csv").get(3L));
        assertTrue(q.get(4L).startsWith("поле «код ОО»: код ОО «S9» не найден в справочнике школ"), q.get(4L));
        assertEquals("поле «код ОО»: повтор: риск «дефицит педагогических кадров» школы «S1» за 2023 год: уже в строке 2",
                q.get(5L));
        assertTrue(q.get(6L).startsWith("поле «год»: 1999 — вне допустимого диапазона 2000–"), q.get(6L));
        assertEquals("поле «риск»: пустое значение — поле обязательно", q.get(7L));
        assertEquals("поле «уровень риска»: пустое значение — ожидается «высокий», «средний» или «низкий»", q.get(8L));

        LoadResult more = IngestFixture.result(results, "survey_more.csv");
        assertLoad(more, FileKind.RISK_SURVEY, 1, 0, 1);
        assertEquals("поле «school_id»: повтор: риск «низкая учебная мотивация» школы «S2» за 2023 год: "
                + "уже загружено из файла «survey.csv»", reasons("survey_more.csv").get(2L));
    }

    @Test
    void objectivityFlagsLoadWithOrWithoutANote() throws Exception {
        f.write("flags.csv", "year,school_id,note\n2023,S1,ВПР 5 кл. математика\n2023,S2,\n");
        Files.write(f.inbox.resolve("перечень.csv"), "№;год;логин ОО;наименование ОО;комментарий\n1;2022;S1;Школа 1;\n"
                .getBytes(CP1251));
        f.write("flags_bare.csv", "Год\tКод ОО\n2021\tS2\n");
        List<LoadResult> results = f.ingest();
        assertLoad(IngestFixture.result(results, "flags.csv"), FileKind.OBJECTIVITY_FLAGS, 2, 2, 0);
        assertLoad(IngestFixture.result(results, "перечень.csv"), FileKind.OBJECTIVITY_FLAGS, 1, 1, 0);
        assertLoad(IngestFixture.result(results, "flags_bare.csv"), FileKind.OBJECTIVITY_FLAGS, 1, 1, 0);
        assertEquals(List.of(
                        Arrays.asList("2021", "S2", null),
                        Arrays.asList("2022", "S1", null),
                        Arrays.asList("2023", "S1", "ВПР 5 кл. математика"),
                        Arrays.asList("2023", "S2", null)),
                f.rows("SELECT CAST(year AS VARCHAR), school_id, note FROM stg_objectivity_flags ORDER BY year, school_id"));
    }

    @Test
    void objectivityFlagsQuarantineUnknownSchoolsYearsAndDuplicates() throws Exception {
        f.write("flags.csv", """
                год,код ОО,примечание
                2023,S1,
                2023,S1,второй раз
                2023,S7,
                20233,S2,
                ,S2,
                """);
        f.write("flags_again.csv", "year,school_id\n2023,S1\n2023,S2\n");
        List<LoadResult> results = f.ingest();
        assertLoad(IngestFixture.result(results, "flags.csv"), FileKind.OBJECTIVITY_FLAGS, 5, 1, 4);
        Map<Long, String> q = reasons("flags.csv");
        assertEquals("поле «код ОО»: повтор: школа «S1» уже в перечне с признаками необъективности за 2023 год: "
                + "уже в строке 2", q.get(3L));
        assertTrue(q.get(4L).startsWith("поле «код ОО»: код ОО «S7» не найден в справочнике школ"), q.get(4L));
        assertTrue(q.get(5L).startsWith("поле «год»: 20233 — вне допустимого диапазона 2000–"), q.get(5L));
        assertTrue(q.get(6L).startsWith("поле «год»: пустое значение"), q.get(6L));

        assertLoad(IngestFixture.result(results, "flags_again.csv"), FileKind.OBJECTIVITY_FLAGS, 2, 1, 1);
        assertEquals("поле «school_id»: повтор: школа «S1» уже в перечне с признаками необъективности за 2023 год: "
                + "уже загружено из файла «flags.csv»", reasons("flags_again.csv").get(2L));
    }

    @Test
    void bothKindsLoadFromXlsxBelowATitleRow() throws Exception {
        writeXlsx(f.inbox.resolve("risk_survey_2023.xlsx"), "Результаты анкетирования (500+), 2023 год",
                new Object[] {"год", "код ОО", "риск", "уровень"},
                new Object[][] {{2023, "S1", "дефицит педагогических кадров", "Высокий"},
                        {2023, "S2", "дефицит педагогических кадров", "средний уровень риска"},
                        {2023, "S2", "дефицит педагогических кадров", "средний"}});
        writeXlsx(f.inbox.resolve("objectivity_flags_2023.xlsx"), "Перечень ОО с признаками необъективных результатов",
                new Object[] {"год", "код ОО", "примечание"},
                new Object[][] {{2023, "S2", "ВПР"}});
        List<LoadResult> results = f.ingest();
        assertLoad(IngestFixture.result(results, "risk_survey_2023.xlsx"), FileKind.RISK_SURVEY, 4, 2, 2);
        Map<Long, String> q = reasons("risk_survey_2023.xlsx");
        assertTrue(q.get(1L).startsWith("строка над заголовком таблицы"), q.toString());
        // XLSX lines are the sheet's row numbers: the title on row 1, the header on row 3, data from row 4
        assertEquals("поле «код ОО»: повтор: риск «дефицит педагогических кадров» школы «S2» за 2023 год: уже в строке 5",
                q.get(6L), q.toString());
        assertEquals(List.of(List.of("S1", "высокий"), List.of("S2", "средний")),
                f.rows("SELECT school_id, level FROM stg_risk_survey ORDER BY school_id"));
        assertLoad(IngestFixture.result(results, "objectivity_flags_2023.xlsx"), FileKind.OBJECTIVITY_FLAGS, 2, 1, 1);
    }

    private static void writeXlsx(Path file, String title, Object[] header, Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Лист1");
            sheet.createRow(0).createCell(0).setCellValue(title);
            write(sheet.createRow(2), header);
            for (int i = 0; i < rows.length; i++) {
                write(sheet.createRow(3 + i), rows[i]);
            }
            wb.write(out);
        }
    }

    private static void write(Row row, Object[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Integer n) {
                row.createCell(c).setCellValue(n);
            } else {
                row.createCell(c).setCellValue((String) cells[c]);
            }
        }
    }
}
