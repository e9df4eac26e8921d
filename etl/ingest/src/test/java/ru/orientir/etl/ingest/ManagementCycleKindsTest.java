package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the municipality's returned plan and the roadmap indicators load by the usual ingest, detected by their
 * Russian headers from XLSX and CSV; a bad row — an unknown school, a deadline that is not a date, a status not in the
 * list, a track that is not 1–3, a municipality the reference does not know, a repeated measure — is quarantined with
 * its Russian reason naming the field, and every other row loads.
 */
class ManagementCycleKindsTest {
    @TempDir
    java.nio.file.Path dir;
    IngestFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new IngestFixture(dir);
        f.write("schools.csv", "school_id,name,municipality\nS1,Школа 1,Заозёрный район\nS2,Школа 2,Заозёрный район\n"
                + "S3,Школа 3,Ильинский район\n");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<Long, String> quarantine(String file) throws Exception {
        return f.rows("SELECT line, field, reason FROM meta_quarantine WHERE file = ? ORDER BY line", file).stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> r.get(1) + ": " + r.get(2)));
    }

    @Test
    void returnedPlanFromXlsxLoadsAndItsBadRowsAreQuarantinedWithRussianReasons() throws Exception {
        List<String> header = List.of("мероприятие", "трек", "школы", "срок", "ответственный", "показатель",
                "базовое значение", "целевое значение", "статус", "фактическое значение", "муниципалитет",
                "год списка", "тип меры", "названия школ");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f.inbox.resolve("план.xlsx"))) {
            Sheet sheet = wb.createSheet("План");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            Object[][] rows = {
                    // 2: a date cell, a share in per cent, done
                    {"Адресная помощь по математике", 1, "S1", LocalDate.of(2023, 4, 30), "Иванова И. И.",
                            "доля «2» (ВПР 5 класс, математика)", 0.30, 0.25, "Выполнено", "22%", "Заозёрный район", 2023,
                            "marker", "Школа 1"},
                    // 3: every school, a deadline written as text, in progress
                    {"Профилактика неуспешности", 3, "все", "31.05.2023", "", "доля «2» по всем процедурам", 0.12,
                            0.10, "в работе", null, "Заозёрный район", 2023, "prevention", "все школы"},
                    // 4: two schools, one unknown
                    {"Наставничество", 2, "S1; S9", "31.08.2023", "", "доля учителей пенсионного возраста", 0.3,
                            0.22, "не начато", null, "Заозёрный район", 2023, "pension_age", ""},
                    // 5: a deadline that is not a date
                    {"Закрытие вакансий", 1, "S2", "до конца года", "", "вакансий", 2, 0, "в работе", null,
                            "Заозёрный район", 2023, "vacancies", ""},
                    // 6: a status not in the list
                    {"Переподготовка", 1, "S2", "31.12.2023", "", "доля без подготовки", 0.4, 0.1, "почти готово",
                            null, "Заозёрный район", 2023, "untrained", ""},
                    // 7: a track that is not 1–3
                    {"Антирисковая программа", 4, "S2", "31.03.2023", "", "программа принята", 0, 1, "выполнено", 1,
                            "Заозёрный район", 2023, "context_risk", ""},
                    // 8: a municipality the reference does not name
                    {"Антирисковая программа", 1, "S2", "31.03.2023", "", "программа принята", 0, 1, "выполнено", 1,
                            "Заозерский район", 2023, "context_risk", ""},
                    // 9: row 2 again
                    {"Адресная помощь по математике", 1, "S1", "30.04.2023", "", "доля «2» (ВПР 5 класс, математика)",
                            0.30, 0.25, "в работе", null, "Заозёрный район", 2023, "marker", ""},
                    // 10: a date in the calendar's gap
                    {"Закрытие вакансий", 1, "S2", "31.02.2023", "", "вакансий", 2, 0, "в работе", null,
                            "Заозёрный район", 2023, "vacancies", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        }
        LoadResult r = IngestFixture.result(f.ingest(), "план.xlsx");
        assertEquals(FileKind.MUNICIPAL_PLAN, r.kind());
        assertEquals(LoadResult.Status.LOADED, r.status(), r.message());
        assertEquals(List.of(9L, 2L, 7L), List.of(r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined()));
        assertEquals(List.of(
                        List.of("1", "Адресная помощь по математике", "S1", "2023-04-30", "Иванова И. И.", "0.3", "0.25",
                                "выполнено", "0.22", "marker"),
                        List.of("3", "Профилактика неуспешности", "все", "2023-05-31", "null", "0.12", "0.1", "в работе",
                                "null", "prevention")),
                f.rows("SELECT track, measure, schools, deadline, owner, baseline, target, status, actual, measure_type "
                        + "FROM stg_municipal_plan ORDER BY line").stream()
                        .map(row -> row.stream().map(String::valueOf).toList()).toList());
        Map<Long, String> q = quarantine("план.xlsx");
        assertEquals("schools: поле «школы»: код ОО «S9» не найден в справочнике школ; загрузите файл школ с этим "
                + "кодом или исправьте код", q.get(4L));
        assertEquals("deadline: поле «срок»: «до конца года» — не дата; ожидается ДД.ММ.ГГГГ, например 31.05.2023",
                q.get(5L));
        assertEquals("status: поле «статус»: «почти готово» — ожидается «выполнено», «в работе» или «не начато»",
                q.get(6L));
        assertEquals("track: поле «трек»: «4» — ожидается 1, 2 или 3", q.get(7L));
        assertTrue(q.get(8L).startsWith("municipality: поле «муниципалитет»: «Заозерский район» нет в справочнике школ"),
                q.get(8L));
        assertTrue(q.get(9L).startsWith("schools: поле «школы»: повтор: мероприятие «Адресная помощь по математике»")
                && q.get(9L).endsWith("уже в строке 2"), q.get(9L));
        assertEquals("deadline: поле «срок»: «31.02.2023» — не дата; ожидается ДД.ММ.ГГГГ, например 31.05.2023",
                q.get(10L));

        // the plan's state as of the day it was loaded: the view reads it
        List<List<String>> states = f.rows("SELECT measure, state, target_met FROM v_plan ORDER BY track");
        assertEquals(List.of("Адресная помощь по математике", "выполнено", "1"), states.get(0));
        assertEquals("Профилактика неуспешности", states.get(1).get(0));
        assertEquals(LocalDate.now().isAfter(LocalDate.of(2023, 5, 31)) ? "просрочено" : "в работе", states.get(1).get(1));
        assertEquals(null, states.get(1).get(2));
    }

    @Test
    void roadmapIndicatorsLoadFromCsvWithTheirRanges() throws Exception {
        f.write("дорожная_карта.csv", """
                Год;Код ОО;Куратор назначен;Охват ИОМ;Охват повышения квалификации;Антирисковая программа принята;Самооценка компетенций руководителя;Внешняя оценка компетенций руководителя
                2023;S1;да;45%;0,8;да;72;64,5
                2023;S2;нет;;;нет;;
                2023;S3;да;1,4;0,5;да;50;50
                2023;S2;да;0,2;0,3;да;10;10
                2023;S1;может быть;0,5;0,5;да;50;50
                2023;S1;да;0,5;0,5;да;50;101
                """);
        LoadResult r = IngestFixture.result(f.ingest(), "дорожная_карта.csv");
        assertEquals(FileKind.ROADMAP, r.kind());
        assertEquals(List.of(6L, 2L, 4L), List.of(r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined()));
        assertEquals(List.of(List.of("S1", "true", "0.45", "0.8", "true", "72.0", "64.5"),
                        List.of("S2", "false", "null", "null", "false", "null", "null")),
                f.rows("SELECT school_id, curator_assigned, iom_share, training_share, antirisk_programme, "
                        + "head_self_score, head_external_score FROM stg_roadmap ORDER BY school_id").stream()
                        .map(row -> row.stream().map(String::valueOf).toList()).toList());
        Map<Long, String> q = quarantine("дорожная_карта.csv");
        assertTrue(q.get(4L).startsWith("iom_share: поле «Охват ИОМ»: 1,4 — доля должна быть от 0 до 1"), q.get(4L));
        assertTrue(q.get(5L).contains("повтор: показатели дорожной карты школы «S2» за 2023 год"), q.get(5L));
        assertEquals("curator_assigned: поле «Куратор назначен»: «может быть» — ожидается «да» или «нет»", q.get(6L));
        assertTrue(q.get(7L).startsWith("head_external_score: поле «Внешняя оценка компетенций руководителя»: 101 — "
                + "вне допустимого диапазона"), q.get(7L));
    }
}
