package ru.orientir.dashboards.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The brief over docs/methodology.md §3's worked example (schools A–D, list years 2020–2022, all in one municipality), a school F
 * never on the list but in the risk zone (cluster 4) in 2022, and a school of another municipality that must not
 * appear; with the 2021 context risk profile and staffing (the assessment year of list 2022). The DOCX is opened with
 * POI and its sections and numbers are checked against the warehouse rows.
 */
class BriefReportTest {

    @TempDir
    Path dir;

    // The marts' columns before their region (issue 16), which these one-region fixtures leave at its default ''.
    private static final String STATUS = "(run_id, list_year, school_id, school_name, municipality, on_list, status, "
            + "consecutive_years, total_years, cluster, cluster_name, cluster_reason, no_data_reason, "
            + "shnor_shnsu)";
    private static final String TRANSITIONS = "(run_id, level, list_year, municipality, schools, on_list, entered, first_time, "
            + "\"returning\", stayed, \"left\", share_on_list, no_data)";
    private static final String MARKERS = "(run_id, year, school_id, procedure, grade, subject, participants, mark2, below_min, "
            + "share_mark2, share_below_min, threshold, marker, mean_result, note, source)";
    private static final String OBJECTIVITY = "(run_id, year, school_id, signal, reason)";
    private static final String RISKS = "(run_id, year, school_id, risk, level, source, evidence)";
    private static final String EFFECTS = "(run_id, list_year, track, measure_type, treated, controls, treated_change, "
            + "control_change, effect, ci_low, ci_high, note)";

    @Test
    void docxHasEverySectionWithTheWarehouseNumbers() throws Exception {
        try (Warehouse w = warehouse()) {
            Path out = dir.resolve("brief.docx");
            BriefReport.write(w, "Заозёрный район", 2022, BriefReport.Format.DOCX, out);
            try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
                String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
                for (String section : List.of("1. Особенности муниципалитета", "2. Школы в списке ШНОР по годам",
                        "3. Кластеры школ (2022)", "4. Группы риска по контексту", "5. Кадровое обеспечение",
                        "6. Изменения год к году")) {
                    assertTrue(text.contains(section), "section " + section);
                }
                assertTrue(text.contains("Общеобразовательных организаций: 5, из них городских — 2, сельских — 3; "
                        + "малокомплектных — 2. Обучающихся всего: 630."), text);
                assertTrue(text.contains("В списке 2022 года — 3 школ муниципалитета; хотя бы раз в списке за 2020–2022 "
                        + "годы — 4 школ."), text);
                assertTrue(text.contains("В 2022 году в списке 3 школ — 1 больше, чем в 2021 году (2). Вошли 2 "
                        + "(впервые 1, повторно 1), остались 1, вышли 1."), text);
                assertTrue(text.contains("Кластер 1 — положительная динамика (вышли из списка в этом году): 1"));
                assertTrue(text.contains("Кластер 2 — впервые в списке: 1"));
                assertTrue(text.contains("Кластер 3 — повторно в списке (остались или вернулись): 2"));
                assertTrue(text.contains("Кластер 4 — зона риска снижения образовательных результатов: 1"), text);
                assertTrue(text.contains("Уровни рисков по контекстным и кадровым данным за 2021 год"), text);
                // issue 11, item 13: the wording is the configuration of the published run (7 п. п., three years)
                assertTrue(text.contains("доля «2» в пределах 7 п. п. от порога или рост доли «2» в обязательной "
                        + "процедуре три года подряд."), text);
                assertTrue(text.contains("Рисковые профили по анкетированию ФИОКО (500+)"), text);
                assertTrue(text.contains("Рисковые профили школ по анкетированию ФИОКО за 2021 год"), text);
                // issue 11, item 12: ШНОР ∩ ШНСУ
                assertTrue(text.contains("Целевая группа региональной программы (ШНОР и ШНСУ одновременно): 2"), text);
                assertTrue(text.contains("По данным за 2021 год: школ со сведениями — 3, учителей — 40, вакансий — 3; "
                        + "учителей пенсионного возраста — 10 (25,0 %), без профильной подготовки — 4 (10,0 %); "
                        + "смена руководства — в 1 школах."), text);
                assertTrue(!text.contains("нет данных: в хранилище нет"), text);
                assertTrue(!text.contains("Другая школа"));

                List<XWPFTable> tables = doc.getTables();
                XWPFTable membership = tables.get(1);
                assertEquals(List.of("Код ОО", "Школа", "2020", "2021", "2022", "Переход 2022", "Лет подряд", "Всего лет"),
                        cells(membership, 0));
                assertEquals(List.of("A", "Школа A", "+", "+", "+", "осталась", "3", "3"), cells(membership, 1));
                assertEquals(List.of("B", "Школа B", "+", "−", "+", "вернулась", "1", "2"), cells(membership, 2));
                assertEquals(List.of("C", "Школа C", "−", "−", "+", "вошла впервые", "1", "1"), cells(membership, 3));
                assertEquals(List.of("D", "Школа D", "+", "+", "−", "вышла", "0", "2"), cells(membership, 4));
                XWPFTable riskZone = table(tables, "Основание");
                assertEquals(List.of("F", "Школа F", "маркер: ОГЭ 9 математика"), cells(riskZone, 1));
                assertEquals(2, riskZone.getRows().size());

                // survey rows, another municipality and another year are left out; «нет данных» is not «низкий»
                XWPFTable risks = table(tables, "Школы с высоким уровнем");
                assertEquals(List.of("Риск", "Высокий", "Средний", "Низкий", "Нет данных", "Школы с высоким уровнем"),
                        cells(risks, 0));
                assertEquals(List.of("инфраструктура", "1", "0", "4", "0", "Школа C (C)"), cells(risks, 1));
                assertEquals(List.of("территория", "2", "1", "1", "1", "Школа B (B); Школа C (C)"), cells(risks, 2));
                assertEquals(3, risks.getRows().size());

                // the active load of staffing_2021.csv only; the older load of the same file and 2020 are left out
                XWPFTable staffing = table(tables, "Смена руководства");
                assertEquals(List.of("Код ОО", "Школа", "Педагогов", "Учителей", "Вакансий", "Пенсионного возраста",
                        "Без профильной подготовки", "Средняя нагрузка, ч", "Смена руководства"), cells(staffing, 0));
                assertEquals(List.of("A", "Школа A", "25", "20", "0", "6", "1", "18,5", "нет"), cells(staffing, 1));
                assertEquals(List.of("B", "Школа B", "9", "8", "2", "2", "3", "24,0", "да"), cells(staffing, 2));
                assertEquals(List.of("F", "Школа F", "14", "12", "1", "2", "0", "—", "—"), cells(staffing, 3));
                assertEquals(4, staffing.getRows().size());

                XWPFTable survey = table(tables, "Школы с высоким уровнем риска");
                assertEquals(List.of("дефицит педагогических кадров", "1", "0", "0", "0", "Школа A (A)"), cells(survey, 1));
                XWPFTable group = table(tables, "В списке");
                assertEquals(List.of("B", "Школа B", "да"), cells(group, 1));
                assertEquals(List.of("F", "Школа F", "нет"), cells(group, 2));

                XWPFTable yoy = table(tables, "Нет данных");
                assertEquals(List.of("2022", "5", "3", "60,0 %", "50,0 %", "2", "1", "1", "1", "1", "0"), cells(yoy, 3));
                assertEquals(List.of("2020", "5", "3", "60,0 %", "50,0 %", "нет истории", "нет истории", "нет истории",
                        "нет истории", "нет истории", "нет истории"), cells(yoy, 1));
            }
        }
    }

    @Test
    void aMunicipalityIsComparedWithItsOwnRegionInAWarehouseOfSeveral() throws Exception {
        // issue 16: the fixture's municipality is in the installation's region (''); a second region, 69, has a list
        // twice as large and its own early-warning check. The brief's yardsticks stay those of its own region.
        try (Warehouse w = warehouse()) {
            AnalyticalBrief alone;
            try (Connection c = w.connection()) {
                alone = new BriefQuery(c).load("Заозёрный район", 2022);
            }
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO list_transitions " + TRANSITIONS.replace(")", ", region)") + " VALUES "
                        + "('R1','region',2021,NULL,100,90,0,0,0,90,0,0.9,0,'69'),"
                        + "('R1','region',2022,NULL,100,95,5,5,0,90,0,0.95,0,'69'),"
                        + "('R1','municipality',2022,'Заозёрный район',10,9,0,0,0,9,0,0.9,0,'69')");
                s.execute("INSERT INTO school_status " + STATUS.replace(")", ", region)") + " VALUES "
                        + "('R1',2022,'T1','Тверская школа','Заозёрный район',true,'stayed',2,2,3,'повторно',NULL,NULL,"
                        + "NULL,'69')");
            }
            AnalyticalBrief shared;
            try (Connection c = w.connection()) {
                shared = new BriefQuery(c).load("Заозёрный район", 2022);
            }
            assertEquals(alone.yearOverYear(), shared.yearOverYear(),
                    "the municipality's own rows and its region's shares, not region 69's (nor its namesake there)");
            assertEquals(0.5, shared.yearOverYear().get(shared.yearOverYear().size() - 1).regionShare(), 1e-9);
        }
    }

    @Test
    void htmlSaysTheSameAndAnUnknownMunicipalityIsNamed() throws Exception {
        try (Warehouse w = warehouse()) {
            Path out = dir.resolve("brief.html");
            BriefReport.write(w, "Заозёрный район", 2022, BriefReport.Format.HTML, out);
            String html = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(html.contains("<h2>6. Изменения год к году</h2>"));
            assertTrue(html.contains("<td>Школа C</td><td>−</td><td>−</td><td>+</td><td>вошла впервые</td>"), html);
            assertTrue(html.contains("<td>территория</td><td>2</td><td>1</td><td>1</td><td>1</td>"
                    + "<td>Школа B (B); Школа C (C)</td>"), html);
            assertTrue(html.contains("<td>B</td><td>Школа B</td><td>9</td><td>8</td><td>2</td>"), html);
            // G was in Заозёрный район until 2022 (its 2020 reference row): not a school of its 2022 brief
            assertFalse(html.contains("Школа G"), html);

            // Ильинский район in 2022: E, and G once, with the columns of its latest reference row (2022), not 2020's
            BriefReport.write(w, "Ильинский район", 2022, BriefReport.Format.HTML, out);
            String other = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(other.contains("Общеобразовательных организаций: 2, из них городских — 0, сельских — 1, без "
                    + "сведений о типе местности — 1; малокомплектных — 0. Обучающихся всего: 120."), other);
            String row = "<td>G</td><td>Школа G</td><td>с. Ильино</td><td>сельская</td><td>СОШ</td><td>нет</td><td>120</td>";
            assertEquals(2, other.split(java.util.regex.Pattern.quote(row), -1).length, "G listed once: " + other);
            assertFalse(other.contains("с. Бор") || other.contains("<td>999</td>"), other);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BriefReport.write(w, "Нет такого", 2022, BriefReport.Format.HTML, out));
            assertTrue(e.getMessage().contains("Заозёрный район"));
            e = assertThrows(IllegalArgumentException.class,
                    () -> BriefReport.write(w, "Заозёрный район", 2030, BriefReport.Format.HTML, out));
            assertTrue(e.getMessage().contains("[2020, 2021, 2022]"), e.getMessage());
        }
    }

    /**
     * Issue 15's worked example (docs/methodology.md §13): the assessment year 2021's results of list 2022 — A a marker
     * in ВПР 5 математика (6 of 20, 30 % at a threshold of 25 %), B 2 of 10 (20 %: within 7 п. п. below it), C four
     * participants (not judged: no problem however many «2»), D 1 of 20, F (risk zone, track 2) a marker in ОГЭ 9
     * математика (4 of 12), E of another municipality 1 of 50 and 0 of 30 — so the region's ВПР 5 математика is 10 of 100
     * (10 %) and the municipality's 9 of 50 (18 %, 1.8 times); B has an objectivity signal. The DOCX's problems,
     * measures, tracks and targets, and the XLSX plan, are checked by opening them.
     */
    @Test
    void briefFindsTheProblemsAndDraftsThePlanByThreeTracks() throws Exception {
        try (Warehouse w = warehouse()) {
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO school_year_markers " + MARKERS + " VALUES "
                        + "('R1',2021,'A','ВПР',5,'математика',20,6,NULL,0.30,NULL,0.25,true,NULL,'маркер','aggregates'),"
                        + "('R1',2021,'B','ВПР',5,'математика',10,2,NULL,0.20,NULL,0.25,false,NULL,'','aggregates'),"
                        + "('R1',2021,'C','ВПР',5,'математика',4,3,NULL,0.75,NULL,0.25,NULL,NULL,'мало участников','aggregates'),"
                        + "('R1',2021,'D','ВПР',5,'математика',20,1,NULL,0.05,NULL,0.25,false,NULL,'','aggregates'),"
                        + "('R1',2021,'F','ОГЭ',9,'математика',12,4,NULL,0.3333333333,NULL,0.30,true,NULL,'маркер','aggregates'),"
                        + "('R1',2021,'E','ВПР',5,'математика',50,1,NULL,0.02,NULL,0.25,false,NULL,'','aggregates'),"
                        + "('R1',2021,'E','ОГЭ',9,'математика',30,0,NULL,0.0,NULL,0.30,false,NULL,'','aggregates'),"
                        + "('R1',2020,'A','ВПР',5,'математика',20,10,NULL,0.50,NULL,0.25,true,NULL,'маркер','aggregates')");
                s.execute("INSERT INTO objectivity " + OBJECTIVITY + " VALUES ('R1',2021,'B','ФИОКО','в перечне ФИОКО')");
            }
            Path out = dir.resolve("brief.docx");
            Path plan = dir.resolve("plan.xlsx");
            AnalyticalBrief b = BriefReport.write(w, "Заозёрный район", 2022, BriefReport.Format.DOCX, out,
                    MeasureCatalogue.defaults(), plan);
            try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
                String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
                assertTrue(text.contains("8. Выявленные проблемы"), text);
                assertTrue(text.contains("9. Цели и меры: проект плана по трём трекам"), text);
                List<XWPFTable> tables = doc.getTables();

                // the municipality: ВПР 5 математика 18 % against 10 %, ОГЭ 9 математика 4/12 against 4/42; the
                // objectivity signal (1 of 5 schools against 1 of the region's 6 with results); the staffing shares
                // against the region's (45 teachers: 3 vacancies, 10 of pension age, 4 untrained; 1 head of 3)
                XWPFTable municipal = table(tables, "Во сколько раз", "Проблема");
                assertEquals(List.of("результаты хуже региональных: ВПР 5 класс, математика", "доля «2»", "18,0 %",
                        "10,0 %", "1,8"), cells(municipal, 2));
                assertEquals(List.of("результаты хуже региональных: ОГЭ, математика", "доля «2»", "33,3 %", "9,5 %",
                        "3,5"), cells(municipal, 1));
                assertEquals(List.of("сигналы необъективности результатов", "доля школ с сигналами необъективности",
                        "20,0 %", "16,7 %", "1,2"), cells(municipal, 3));
                assertEquals(List.of("вакансии", "вакансий на 100 учителей", "7,5", "6,7", "1,1"), cells(municipal, 4));
                // the risks are not above the region's: территория 2 of 4 against 3 of 5, инфраструктура 1 of 5 equal
                assertTrue(cells(municipal, municipal.getRows().size() - 1).get(0).startsWith("смена руководителя"));

                XWPFTable schools = table(tables, "Во сколько раз", "Код ОО");
                List<List<String>> rows = new java.util.ArrayList<>();
                for (int i = 1; i < schools.getRows().size(); i++) {
                    rows.add(cells(schools, i));
                }
                assertEquals(List.of("A", "Школа A", "маркер низких результатов: ВПР 5 класс, математика", "доля «2»",
                        "30,0 %", "10,0 %", "3,0"), rows.get(0));
                assertTrue(rows.contains(List.of("B", "Школа B", "доля близко к порогу маркера: ВПР 5 класс, математика",
                        "доля «2»", "20,0 %", "10,0 %", "2,0")), rows.toString());
                assertTrue(rows.contains(List.of("B", "Школа B", "вакансии", "вакансий на 100 учителей", "25,0", "6,7",
                        "3,8")), rows.toString());
                assertTrue(rows.contains(List.of("B", "Школа B", "смена руководителя", "руководитель сменился за год",
                        "да", "33,3 % школ", "3,0")), rows.toString());
                assertTrue(rows.contains(List.of("C", "Школа C", "высокий риск по контексту: территория",
                        "уровень риска «высокий»", "да", "60,0 % школ", "1,7")), rows.toString());
                // C's four participants are not judged, and D (left the list) is in no track
                assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("C") && r.get(2).contains("ВПР")), rows.toString());
                assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("D")), rows.toString());
                // A's pension-age share (6 of 20) is above 1.1 × the region's (10 of 45); its untrained (1 of 20) is not
                assertTrue(rows.contains(List.of("A", "Школа A", "учителя пенсионного возраста",
                        "доля учителей пенсионного возраста", "30,0 %", "22,2 %", "1,4")), rows.toString());
                assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("A") && r.get(2).contains("без профильной")));

                XWPFTable track2 = tables.stream().filter(t -> cells(t, 0).get(0).equals("Код ОО")
                        && cells(t, 0).size() == 7 && cells(t, 1).get(0).equals("F")).findFirst().orElseThrow();
                assertEquals(List.of("F", "Школа F", "маркер низких результатов: ОГЭ, математика", "доля «2»", "33,3 %",
                        "9,5 %", "3,5"), cells(track2, 1));

                List<XWPFTable> plans = tables.stream().filter(t -> cells(t, 0).equals(List.of("Мероприятие", "Трек",
                        "Школы", "Срок", "Ответственный", "Показатель", "Базовое значение", "Целевое значение"))).toList();
                assertEquals(3, plans.size(), "a plan table per track");
                List<String> first = cells(plans.get(0), 1);
                assertTrue(first.get(0).startsWith("Адресная методическая помощь по предмету (ВПР 5 класс, математика)"),
                        first.toString());
                assertEquals(List.of("1", "Школа A (A)", "30.04.2022", "",
                        "доля «2» (ВПР 5 класс, математика), цель — ниже порога маркера", "30,0 %", "25,0 %"),
                        first.subList(1, 8));
                assertEquals(List.of("2", "Школа F (F)"), cells(plans.get(1), 1).subList(1, 3));
                List<String> prevention = cells(plans.get(2), plans.get(2).getRows().size() - 1);
                // every judged procedure of the municipality: (6 + 2 + 1 + 4) of (20 + 10 + 20 + 12); region 14 of 142
                assertEquals(List.of("3", "все школы муниципалитета", "31.05.2022", "", "доля «2» по всем процедурам",
                        "21,0 %", "9,9 %"), prevention.subList(1, 8));
            }
            assertEquals(b.plan().size(), b.plan(1).size() + b.plan(2).size() + b.plan(3).size());
            try (InputStream in = Files.newInputStream(plan);
                 org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                var sheet = book.getSheetAt(0);
                List<String> header = new java.util.ArrayList<>();
                sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
                assertEquals(List.of("мероприятие", "трек", "школы", "срок", "ответственный", "показатель",
                        "базовое значение", "целевое значение", "статус", "фактическое значение", "муниципалитет",
                        "год списка", "тип меры", "названия школ"), header);
                assertEquals(b.plan().size(), sheet.getLastRowNum());
                var a = sheet.getRow(1);
                assertEquals(1, (int) a.getCell(1).getNumericCellValue());
                assertEquals("A", a.getCell(2).getStringCellValue());
                assertEquals(java.time.LocalDate.of(2022, 4, 30), a.getCell(3).getLocalDateTimeCellValue().toLocalDate());
                assertEquals(0.30, a.getCell(6).getNumericCellValue(), 1e-9);
                assertEquals(0.25, a.getCell(7).getNumericCellValue(), 1e-9);
                assertEquals("не начато", a.getCell(8).getStringCellValue());
                assertEquals("Заозёрный район", a.getCell(10).getStringCellValue());
                assertEquals(2022, (int) a.getCell(11).getNumericCellValue());
                assertEquals("marker", a.getCell(12).getStringCellValue());
                var last = sheet.getRow(sheet.getLastRowNum());
                assertEquals("все", last.getCell(2).getStringCellValue());
                assertEquals("prevention", last.getCell(12).getStringCellValue());
            }
        }
    }

    /**
     * The next year's brief (list 2022) reports the plan of 2021 as it came back — one measure done, one late (its
     * deadline before the day the file loaded, not done), one in progress — the roadmap by year, and the region's
     * estimate of the measures' effect for 2021 labelled as an association; the plan of 2022 is not loaded and says so.
     */
    @Test
    void theNextBriefReportsThePlansFulfilmentTheRoadmapAndTheEffect() throws Exception {
        try (Warehouse w = warehouse()) {
            try (Connection c = w.connection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO meta_load VALUES ('LP','R1','план.xlsx','municipal_plan','hp', "
                        + "TIMESTAMP '2021-09-01 00:00:00', TIMESTAMP '2021-09-01 00:00:01', 3, 3, 0, 'loaded', NULL, NULL),"
                        + "('LR','R1','карта.csv','roadmap','hr', TIMESTAMP '2021-09-01 00:00:00', "
                        + "TIMESTAMP '2021-09-01 00:00:02', 3, 3, 0, 'loaded', NULL, NULL)");
                s.execute("INSERT INTO stg_municipal_plan VALUES "
                        + "('LP',2,'Заозёрный район',2021,'Адресная помощь',1,'A','2021-04-30','Иванова','доля «2»',0.3,0.25,'выполнено',0.2,'marker'),"
                        + "('LP',3,'Заозёрный район',2021,'Наставничество',1,'A; B','2021-08-31',NULL,'доля пенсионеров',0.3,0.22,'в работе',NULL,'pension_age'),"
                        + "('LP',4,'Заозёрный район',2021,'Профилактика',3,'все','2021-12-31',NULL,'доля «2»',0.12,0.1,'в работе',0.14,'prevention'),"
                        + "('LP',5,'Ильинский район',2021,'Чужая мера',1,'E','2021-04-30',NULL,'доля «2»',0.3,0.25,'выполнено',NULL,'marker')");
                s.execute("INSERT INTO stg_roadmap VALUES "
                        + "('LR',2,2021,'A',true,0.5,0.8,true,70.0,60.0),"
                        + "('LR',3,2021,'B',false,0.3,NULL,NULL,NULL,NULL),"
                        + "('LR',4,2021,'E',true,1.0,1.0,true,90.0,90.0)");
                s.execute("INSERT INTO measure_effects " + EFFECTS + " VALUES "
                        + "('R1',2021,1,'marker',12,25,-0.08,-0.02,-0.06,-0.1,-0.02,'связь для обсуждения, не доказательство: школы получили меру не случайно'),"
                        + "('R1',2021,3,'prevention',2,0,NULL,NULL,NULL,NULL,NULL,'мало школ с результатами за 2020 и 2021 годы: 2 (нужно не меньше 3)'),"
                        + "('R1',2020,1,'marker',9,20,-0.5,0.0,-0.5,-0.6,-0.4,'другой год')");
            }
            Path out = dir.resolve("brief.docx");
            BriefReport.write(w, "Заозёрный район", 2022, BriefReport.Format.DOCX, out);
            try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
                String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
                assertTrue(text.contains("10. Исполнение плана мероприятий"), text);
                assertTrue(text.contains("Мер в плане — 3: выполнено 1 (33,3 %), просрочено 1."), text);
                assertTrue(text.contains("нет данных: план мероприятий муниципалитета на 2022 год не загружен"), text);
                assertTrue(text.contains("11. Эффективность принятых мер"), text);
                assertTrue(text.contains("Это связь для обсуждения, не доказательство"), text);
                List<XWPFTable> tables = doc.getTables();
                XWPFTable byTrack = table(tables, "Цель достигнута");
                assertEquals(List.of("Трек 1 — поддержка школ с низкими результатами", "2", "1", "1", "0", "0", "1"),
                        cells(byTrack, 1));
                assertEquals(List.of("Трек 3 — профилактика учебной неуспешности во всех школах", "1", "0", "0", "1",
                        "0", "0"), cells(byTrack, 3));
                XWPFTable measures = table(tables, "Исполнение");
                assertEquals(List.of("1", "Адресная помощь", "A", "2021-04-30", "доля «2»", "0,3", "0,25", "0,2",
                        "выполнено, цель достигнута"), cells(measures, 1));
                assertEquals("просрочено", cells(measures, 2).get(8));
                assertEquals("в работе, цель не достигнута", cells(measures, 3).get(8));
                assertEquals(4, measures.getRows().size(), "Ильинский район's measure is not here");
                XWPFTable roadmap = table(tables, "Руководители: внешняя оценка");
                assertEquals(List.of("2021", "2", "50,0 %", "40,0 %", "80,0 %", "100,0 %", "70,0", "60,0"),
                        cells(roadmap, 1));
                XWPFTable effects = table(tables, "Как читать");
                assertEquals(List.of("1", "маркер низких результатов", "12", "25", "−8,0 п. п.", "−2,0 п. п.",
                        "−6,0 п. п.", "−10,0 п. п. … −2,0 п. п."), cells(effects, 1).subList(0, 8));
                assertEquals(List.of("3", "профилактика учебной неуспешности", "2", "0", "—", "—", "—", "—",
                        "мало школ с результатами за 2020 и 2021 годы: 2 (нужно не меньше 3)"), cells(effects, 2));
                assertEquals(3, effects.getRows().size());
            }
        }
    }

    private static XWPFTable table(List<XWPFTable> tables, String lastHeader, String firstHeader) {
        return tables.stream().filter(t -> {
            List<String> header = cells(t, 0);
            return header.get(header.size() - 1).equals(lastHeader) && header.get(0).equals(firstHeader);
        }).findFirst().orElseThrow(() -> new AssertionError("no table " + firstHeader + " … " + lastHeader));
    }

    private static XWPFTable table(List<XWPFTable> tables, String lastHeader) {
        return tables.stream().filter(t -> {
            List<String> header = cells(t, 0);
            return header.get(header.size() - 1).equals(lastHeader);
        }).findFirst().orElseThrow(() -> new AssertionError("no table ending with column " + lastHeader));
    }

    private static List<String> cells(XWPFTable t, int row) {
        return t.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }

    private Warehouse warehouse() throws Exception {
        Warehouse w = Warehouse.open(new WarehouseSettings("jdbc:duckdb:" + dir.resolve("w.duckdb"), null, null));
        w.migrate();
        try (Connection c = w.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO meta_load VALUES ('L1','R1','schools.csv','schools','h', TIMESTAMP '2026-01-01 00:00:00', "
                    + "TIMESTAMP '2026-01-01 00:00:01', 5, 5, 0, 'loaded', NULL, NULL)");
            String z = "Заозёрный район";
            s.execute("INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json) VALUES "
                    + "('L1',1,'A','Школа A','" + z + "','{\"settlement\":\"г. Заозёрск\",\"urban_rural\":\"городская\",\"school_type\":\"СОШ\",\"small_school\":\"нет\",\"students\":\"300\"}'),"
                    + "('L1',2,'B','Школа B','" + z + "','{\"settlement\":\"с. Бор\",\"urban_rural\":\"сельская\",\"school_type\":\"ООШ\",\"small_school\":\"да\",\"students\":\"40\"}'),"
                    + "('L1',3,'C','Школа C','" + z + "','{\"settlement\":\"д. Ключи\",\"urban_rural\":\"сельская\",\"school_type\":\"НОШ\",\"small_school\":\"да\",\"students\":\"15\"}'),"
                    + "('L1',4,'D','Школа D','" + z + "','{\"settlement\":\"с. Луг\",\"urban_rural\":\"сельская\",\"school_type\":\"СОШ\",\"small_school\":\"нет\",\"students\":\"75\"}'),"
                    + "('L1',6,'F','Школа F','" + z + "','{\"settlement\":\"г. Заозёрск\",\"urban_rural\":\"городская\",\"school_type\":\"СОШ\",\"small_school\":\"нет\",\"students\":\"200\"}'),"
                    + "('L1',5,'E','Другая школа','Ильинский район','{}')");
            // issue 11: G has dated rows, in Заозёрный район from 2020 and in Ильинский район from 2022; the brief of
            // 2022 lists it once, in Ильинский район, with the columns of its 2022 row
            s.execute("INSERT INTO stg_schools (load_id, line, school_id, name, municipality, extra_json, as_of_year) VALUES "
                    + "('L1',7,'G','Школа G','" + z + "','{\"settlement\":\"с. Бор\",\"urban_rural\":\"сельская\",\"school_type\":\"ООШ\",\"small_school\":\"да\",\"students\":\"999\"}',2020),"
                    + "('L1',8,'G','Школа G','Ильинский район','{\"settlement\":\"с. Ильино\",\"urban_rural\":\"сельская\",\"school_type\":\"СОШ\",\"small_school\":\"нет\",\"students\":\"120\"}',2022)");
            // docs/methodology.md §3: A + + +, B + − +, C − − +, D + + −; E (another municipality) never on the list
            String[][] status = {
                    {"2020", "A", "true", "NULL", "1", "1", "NULL", "нет данных"},
                    {"2021", "A", "true", "'stayed'", "2", "2", "3", "повторно в списке"},
                    {"2022", "A", "true", "'stayed'", "3", "3", "3", "повторно в списке"},
                    {"2020", "B", "true", "NULL", "1", "1", "NULL", "нет данных"},
                    {"2021", "B", "false", "'left'", "0", "1", "1", "положительная динамика"},
                    {"2022", "B", "true", "'returning'", "1", "2", "3", "повторно в списке"},
                    {"2020", "C", "false", "NULL", "0", "0", "NULL", "нет данных"},
                    {"2021", "C", "false", "'off'", "0", "0", "NULL", "нет данных"},
                    {"2022", "C", "true", "'first_time'", "1", "1", "2", "впервые в списке"},
                    {"2020", "D", "true", "NULL", "1", "1", "NULL", "нет данных"},
                    {"2021", "D", "true", "'stayed'", "2", "2", "3", "повторно в списке"},
                    {"2022", "D", "false", "'left'", "0", "2", "1", "положительная динамика"},
                    {"2020", "F", "false", "NULL", "0", "0", "NULL", "нет данных"},
                    {"2021", "F", "false", "'off'", "0", "0", "NULL", "без рисков"},
                    {"2022", "F", "false", "'off'", "0", "0", "4", "зона риска"}};
            for (String[] r : status) {
                String reason = r[6].equals("4") ? "'маркер: ОГЭ 9 математика'" : "NULL";
                s.execute("INSERT INTO school_status " + STATUS + " VALUES ('R1'," + r[0] + ",'" + r[1] + "','Школа " + r[1] + "','" + z
                        + "'," + r[2] + "," + r[3] + "," + r[4] + "," + r[5] + "," + r[6] + ",'" + r[7] + "'," + reason
                        + ",NULL," + (r[0].equals("2022") && (r[1].equals("B") || r[1].equals("F")) ? "true" : "false") + ")");
            }
            for (int y = 2020; y <= 2022; y++) {
                s.execute("INSERT INTO school_status " + STATUS + " VALUES ('R1'," + y + ",'E','Другая школа','Ильинский район',false,"
                        + (y == 2020 ? "NULL" : "'off'") + ",0,0,NULL,'нет данных',NULL,NULL,NULL)");
            }
            for (int y = 2020; y <= 2022; y++) {
                s.execute("INSERT INTO school_status " + STATUS + " VALUES ('R1'," + y + ",'G','Школа G','"
                        + (y < 2022 ? z : "Ильинский район") + "',false," + (y == 2020 ? "NULL" : "'off'")
                        + ",0,0,NULL,'нет данных',NULL,NULL,NULL)");
            }
            // context risks of the assessment year 2021 (list 2022); 2020, the survey and E must not count
            s.execute("INSERT INTO risk_profile " + RISKS + " VALUES "
                    + "('R1',2021,'A','территория','низкий','context','население пункта 120000 чел.'),"
                    + "('R1',2021,'B','территория','высокий','context','население пункта 400 чел.'),"
                    + "('R1',2021,'C','территория','высокий','context','население пункта 90 чел.'),"
                    + "('R1',2021,'D','территория','средний','context','население пункта 3000 чел.'),"
                    + "('R1',2021,'F','территория','нет данных','context',NULL),"
                    + "('R1',2021,'A','инфраструктура','низкий','context',NULL),"
                    + "('R1',2021,'B','инфраструктура','низкий','context',NULL),"
                    + "('R1',2021,'C','инфраструктура','высокий','context','интернета нет'),"
                    + "('R1',2021,'D','инфраструктура','низкий','context',NULL),"
                    + "('R1',2021,'F','инфраструктура','низкий','context',NULL),"
                    + "('R1',2021,'A','дефицит педагогических кадров','высокий','survey','анкетирование ФИОКО (500+)'),"
                    + "('R1',2021,'E','территория','высокий','context',NULL),"
                    + "('R1',2020,'A','территория','высокий','context',NULL)");
            // staffing: the active (latest) load of staffing_2021.csv; its older load and 2020 must not count
            s.execute("INSERT INTO meta_load VALUES "
                    + "('L0','R0','staffing_2021.csv','staffing','h0', TIMESTAMP '2025-12-01 00:00:00', "
                    + "TIMESTAMP '2025-12-01 00:00:01', 2, 2, 0, 'loaded', NULL, NULL),"
                    + "('L2','R1','staffing_2021.csv','staffing','h2', TIMESTAMP '2026-01-01 00:00:00', "
                    + "TIMESTAMP '2026-01-01 00:00:02', 3, 3, 0, 'loaded', NULL, NULL),"
                    + "('L3','R1','staffing_2020.csv','staffing','h3', TIMESTAMP '2026-01-01 00:00:00', "
                    + "TIMESTAMP '2026-01-01 00:00:03', 1, 1, 0, 'loaded', NULL, NULL)");
            s.execute("INSERT INTO stg_staffing VALUES "
                    + "('L0',2,2021,'A','Школа A',300,99,99,9,9,9,30.0,true),"
                    + "('L2',2,2021,'A','Школа A',300,25,20,0,6,1,18.5,false),"
                    + "('L2',3,2021,'B','Школа B',40,9,8,2,2,3,24.0,true),"
                    + "('L2',4,2021,'F','Школа F',200,14,12,1,2,0,NULL,NULL),"
                    + "('L2',5,2021,'E','Другая школа',50,5,5,0,0,0,20.0,false),"
                    + "('L3',2,2020,'C','Школа C',15,3,3,0,0,0,20.0,false)");
            s.execute("INSERT INTO meta_run (run_id, command, started_at, finished_at, status, files_seen, files_loaded, "
                    + "files_skipped, files_failed, rows_read, rows_loaded, rows_quarantined, marts_published, config_json) "
                    + "VALUES ('R1','run',TIMESTAMP '2026-01-01 00:00:00',TIMESTAMP '2026-01-01 00:01:00','ok',0,0,0,0,0,0,0,"
                    + "'',"
                    + "'{\"analytics\":{\"clusters\":{\"near-threshold\":0.07,\"trend-years\":3}}}')");
            s.execute("INSERT INTO list_transitions " + TRANSITIONS + " VALUES "
                    + "('R1','municipality',2020,'" + z + "',5,3,NULL,NULL,NULL,NULL,NULL,0.6,NULL),"
                    + "('R1','municipality',2021,'" + z + "',5,2,0,0,0,2,1,0.4,0),"
                    + "('R1','municipality',2022,'" + z + "',5,3,2,1,1,1,1,0.6,0),"
                    + "('R1','municipality',2020,'Ильинский район',1,0,NULL,NULL,NULL,NULL,NULL,0.0,NULL),"
                    + "('R1','region',2020,NULL,6,3,NULL,NULL,NULL,NULL,NULL,0.5,NULL),"
                    + "('R1','region',2021,NULL,6,2,0,0,0,2,1,0.333333,0),"
                    + "('R1','region',2022,NULL,6,3,2,1,1,1,1,0.5,0)");
        }
        return w;
    }
}
