package ru.orientir.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results, context, staffing, risk survey and objectivity flag files of {@code bin/orientir generate}: their exact
 * headers in each flavour, their internal consistency, and the realism the analytics rely on
 * (schools on next year's list have more marks 2; some procedures are too small to judge).
 * One region of 150 schools, list years 2022–2024 (assessment years 2021–2023), seed 42.
 */
class GenerateInputsTest {

    private static final int SCHOOLS = 150;
    private static final int FIRST_LIST_YEAR = 2022;
    private static final int LAST_LIST_YEAR = 2024;
    private static final int YEARS = LAST_LIST_YEAR - FIRST_LIST_YEAR + 1;

    static final String RESULTS_HEADER = "year,procedure,grade,subject,school_id,participant_id,mark,score";
    static final String AGGREGATE_HEADER =
            "year,procedure,grade,subject,school_id,participants,mark2,mark3,mark4,mark5,below_min,mean_score";
    static final String CONTEXT_HEADER = "year,school_id,parents_higher_education_share,unemployed_parents_share,"
            + "low_income_share,non_native_russian_share,ovz_share,settlement_population,distance_km,"
            + "direct_transport,internet,computers_per_100";
    static final String STAFFING_HEADER = "year,school_id,school_name,students,staff,teachers,vacancies,"
            + "teachers_pension_age,teachers_without_training,avg_load,head_changed";
    static final String SURVEY_HEADER = "year,school_id,risk,level";
    static final String FLAGS_HEADER = "year,school_id,note";
    static final String SURVEY_HEADER_RU = "год;код ОО;рисковый профиль;уровень риска";
    static final String FLAGS_HEADER_RU = "год;код ОО;примечание";
    static final String RESULTS_HEADER_RU = "год;процедура;класс;предмет;код ОО;код участника;отметка;балл";
    static final String AGGREGATE_HEADER_RU = "год;процедура;класс;предмет;код ОО;участников;отметка 2;отметка 3;"
            + "отметка 4;отметка 5;ниже минимума;средний балл";
    static final String CONTEXT_HEADER_RU = "год;код ОО;доля родителей с высшим образованием;доля безработных родителей;"
            + "доля малоимущих семей;доля с неродным русским языком;доля обучающихся с ОВЗ;"
            + "численность населения пункта;расстояние до регионального центра;прямое транспортное сообщение;"
            + "интернет;компьютеров на 100 обучающихся";
    static final String STAFFING_HEADER_RU = "год;код ОО;наименование ОО;обучающихся;педагогических работников;"
            + "учителей;вакансий;учителей пенсионного возраста;учителей без профильной подготовки;"
            + "средняя нагрузка;смена руководителя";

    /** The published ЕГЭ minimum test scores, written out here independently of the generator's table. */
    private static final Map<String, Integer> EGE_MINIMUM = Map.of(
            "русский язык", 24, "математика профильная", 27, "обществознание", 42, "физика", 36,
            "история", 32, "биология", 36, "химия", 36, "информатика", 40);

    @TempDir
    static Path csvDir;
    @TempDir
    static Path aggregateDir;
    @TempDir
    static Path russianDir;
    private static GeneratedRegion csvRegion;
    /** Assessment year → school ids on the official list of the following year. */
    private static final Map<Integer, Set<String>> listedNextYear = new HashMap<>();

    /** School id → {opened, closed} as schools.csv gives them (null when empty). */
    private static final Map<String, Integer[]> life = new HashMap<>();

    /** Whether the school operates in the year: opened through closed, both included. */
    static boolean open(String id, int year) {
        Integer[] l = life.get(id);
        return (l[0] == null || l[0] <= year) && (l[1] == null || year <= l[1]);
    }

    private static int openSchools(int year) {
        return (int) life.keySet().stream().filter(id -> open(id, year)).count();
    }

    /** The catalogue's subject for a spelling a municipality uses (SubjectSpelling's four styles). */
    static String catalogueSubject(String written) {
        String s = written.toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "математика (профильный уровень)" -> "математика профильная";
            case "математика (базовый уровень)" -> "математика базовая";
            case "русский яз." -> "русский язык";
            case "окруж. мир" -> "окружающий мир";
            case "иностранный язык (английский)" -> "английский язык";
            default -> s;
        };
    }

    @BeforeAll
    static void generate() throws IOException {
        csvRegion = new RegionGenerator(42).generate(SCHOOLS, YEARS, LAST_LIST_YEAR, csvDir);
        new RegionGenerator(42).generate(SCHOOLS, YEARS, LAST_LIST_YEAR, aggregateDir,
                new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.AGGREGATE));
        new RegionGenerator(42).generate(SCHOOLS, YEARS, LAST_LIST_YEAR, russianDir,
                new GeneratorOptions(GeneratorOptions.Format.CSV_RU, GeneratorOptions.Results.AGGREGATE));
        for (int listYear = FIRST_LIST_YEAR; listYear <= LAST_LIST_YEAR; listYear++) {
            Set<String> ids = new HashSet<>();
            for (List<String> row : body(csv(csvDir.resolve("official_list_" + listYear + ".csv")))) {
                ids.add(row.get(1));
            }
            listedNextYear.put(listYear - 1, ids);
        }
        for (List<String> row : body(csv(csvDir.resolve("schools.csv")))) {
            life.put(row.get(0), new Integer[] {row.get(8).isEmpty() ? null : Integer.valueOf(row.get(8)),
                    row.get(9).isEmpty() ? null : Integer.valueOf(row.get(9))});
        }
    }

    @Test
    void writesResultsContextAndStaffingPerAssessmentYear() {
        List<String> names = csvRegion.files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("schools.csv", "official_list_2022.csv", "official_list_2023.csv", "official_list_2024.csv",
                "results_2021.csv", "context_2021.csv", "staffing_2021.csv", "risk_survey_2021.csv", "objectivity_flags_2021.csv",
                "results_2022.csv", "context_2022.csv", "staffing_2022.csv", "risk_survey_2022.csv", "objectivity_flags_2022.csv",
                "results_2023.csv", "context_2023.csv", "staffing_2023.csv", "risk_survey_2023.csv", "objectivity_flags_2023.csv",
                "municipal_plan_2023.csv", "municipal_plan_2024.csv", "roadmap_2021.csv", "roadmap_2022.csv",
                "roadmap_2023.csv"),
                names);
        assertEquals(List.of("schools", "official_list", "results", "context", "staffing", "risk_survey", "objectivity_flags",
                        "municipal_plan", "roadmap"),
                List.copyOf(csvRegion.rowsByKind().keySet()));
        assertEquals(3L * YEARS, csvRegion.rowsByKind().get("objectivity_flags"), "2 % of 150 schools a year");
        assertEquals(0, csvRegion.rowsByKind().get("risk_survey") % 10, "ten risks per surveyed school");
        long openSchoolYears = openSchools(2021) + openSchools(2022) + openSchools(2023);
        assertTrue(openSchoolYears < SCHOOLS * YEARS, "some schools close or open: " + openSchoolYears);
        assertEquals(openSchoolYears, csvRegion.rowsByKind().get("context"));
        assertEquals(openSchoolYears, csvRegion.rowsByKind().get("staffing"));
        assertTrue(csvRegion.rowsByKind().get("results") > 50_000, "results rows " + csvRegion.rowsByKind());
    }

    @Test
    void csvHeadersAreExact() throws IOException {
        for (int year = 2021; year <= 2023; year++) {
            assertEquals(RESULTS_HEADER, firstLine(csvDir.resolve("results_" + year + ".csv")));
            assertEquals(CONTEXT_HEADER, firstLine(csvDir.resolve("context_" + year + ".csv")));
            assertEquals(STAFFING_HEADER, firstLine(csvDir.resolve("staffing_" + year + ".csv")));
            assertEquals(AGGREGATE_HEADER, firstLine(aggregateDir.resolve("results_agg_" + year + ".csv")));
            assertEquals(SURVEY_HEADER, firstLine(csvDir.resolve("risk_survey_" + year + ".csv")));
            assertEquals(FLAGS_HEADER, firstLine(csvDir.resolve("objectivity_flags_" + year + ".csv")));
        }
        assertFalse(Files.exists(aggregateDir.resolve("results_2021.csv")), "aggregate flavour writes no student file");
    }

    @Test
    void russianCsvIsWindows1251WithSemicolonsAndDecimalCommas() throws IOException {
        String results = decode1251(russianDir.resolve("results_agg_2022.csv"));
        String context = decode1251(russianDir.resolve("context_2022.csv"));
        String staffing = decode1251(russianDir.resolve("staffing_2022.csv"));
        String schools = decode1251(russianDir.resolve("schools.csv"));
        assertEquals(AGGREGATE_HEADER_RU, results.substring(0, results.indexOf("\r\n")));
        assertEquals(CONTEXT_HEADER_RU, context.substring(0, context.indexOf("\r\n")));
        assertEquals(STAFFING_HEADER_RU, staffing.substring(0, staffing.indexOf("\r\n")));
        assertEquals(String.join(";", RegionGenerator.SCHOOLS_HEADER), schools.substring(0, schools.indexOf("\r\n")));
        String survey = decode1251(russianDir.resolve("risk_survey_2022.csv"));
        String flags = decode1251(russianDir.resolve("objectivity_flags_2022.csv"));
        assertEquals(SURVEY_HEADER_RU, survey.substring(0, survey.indexOf("\r\n")));
        assertEquals(FLAGS_HEADER_RU, flags.substring(0, flags.indexOf("\r\n")));
        assertTrue(survey.contains(";низкий уровень вовлечённости родителей;"), "ё survives windows-1251");
        assertFalse(isUtf8(Files.readAllBytes(russianDir.resolve("context_2022.csv"))), "Cyrillic must not be UTF-8");
        // Every context row: 12 fields, shares like 0,123, computers like 12,5; no dot decimals anywhere.
        List<String> lines = context.lines().toList();
        assertEquals(openSchools(2022) + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            assertEquals(12, f.length, line);
            for (int c = 2; c <= 6; c++) {
                assertTrue(f[c].matches("[01],\\d{3}"), "share " + f[c] + " in " + line);
            }
            assertTrue(f[11].matches("\\d+,\\d"), "computers " + f[11]);
            assertFalse(line.contains("."), line);
        }
        assertTrue(results.lines().skip(1).anyMatch(l -> l.matches(".*;\\d+,\\d$")), "mean scores with a decimal comma");
        // Schools keep their English header but are written the Russian way; names with ';' would be quoted.
        assertTrue(schools.lines().skip(1).allMatch(l -> l.startsWith("55")), "one school per line");
    }

    @Test
    void sameArgumentsGiveIdenticalBytesInEveryFlavour(@TempDir Path a, @TempDir Path b) throws IOException {
        for (GeneratorOptions.Format format : GeneratorOptions.Format.values()) {
            GeneratorOptions options = new GeneratorOptions(format, GeneratorOptions.Results.AGGREGATE);
            Path first = a.resolve(format.option());
            Path second = b.resolve(format.option());
            GeneratedRegion one = new RegionGenerator(5).generate(40, 2, 2024, first, options);
            GeneratedRegion two = new RegionGenerator(5).generate(40, 2, 2024, second, options);
            assertEquals(one.rowsByKind(), two.rowsByKind());
            for (int i = 0; i < one.files().size(); i++) {
                assertArrayEquals(Files.readAllBytes(one.files().get(i)), Files.readAllBytes(two.files().get(i)),
                        format + ": " + one.files().get(i).getFileName());
            }
        }
        GeneratedRegion s1 = new RegionGenerator(5).generate(40, 2, 2024, a.resolve("student"));
        GeneratedRegion s2 = new RegionGenerator(5).generate(40, 2, 2024, b.resolve("student"));
        for (int i = 0; i < s1.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(s1.files().get(i)), Files.readAllBytes(s2.files().get(i)));
        }
    }

    @Test
    void flavourDoesNotChangeTheSchoolsOrTheLists() throws IOException {
        assertArrayEquals(Files.readAllBytes(csvDir.resolve("schools.csv")), Files.readAllBytes(aggregateDir.resolve("schools.csv")));
        assertArrayEquals(Files.readAllBytes(csvDir.resolve("official_list_2023.csv")),
                Files.readAllBytes(aggregateDir.resolve("official_list_2023.csv")));
        assertArrayEquals(Files.readAllBytes(csvDir.resolve("context_2023.csv")), Files.readAllBytes(aggregateDir.resolve("context_2023.csv")));
        assertArrayEquals(Files.readAllBytes(csvDir.resolve("risk_survey_2023.csv")),
                Files.readAllBytes(aggregateDir.resolve("risk_survey_2023.csv")));
        assertArrayEquals(Files.readAllBytes(csvDir.resolve("objectivity_flags_2023.csv")),
                Files.readAllBytes(aggregateDir.resolve("objectivity_flags_2023.csv")));
    }

    @Test
    void riskSurveyCoversAboutFortyPercentOfSchoolsWithTheTenRisksFollowingTheRisk() throws IOException {
        Set<String> surveyedFirstYear = null;
        int[] high = new int[2];
        int[] rowsByGroup = new int[2];
        for (int year = 2021; year <= 2023; year++) {
            Map<String, List<String>> risksBySchool = new HashMap<>();
            for (List<String> r : body(csv(csvDir.resolve("risk_survey_" + year + ".csv")))) {
                assertEquals(4, r.size(), r.toString());
                assertEquals(Integer.toString(year), r.get(0));
                assertTrue(Set.of("высокий", "средний", "низкий").contains(r.get(3)), r.toString());
                risksBySchool.computeIfAbsent(r.get(1), k -> new ArrayList<>()).add(r.get(2));
                int group = listedNextYear.get(year).contains(r.get(1)) ? 1 : 0;
                high[group] += r.get(3).equals("высокий") ? 1 : 0;
                rowsByGroup[group]++;
            }
            for (List<String> risks : risksBySchool.values()) {
                assertEquals(RiskSurvey.RISKS, risks, "each surveyed school: the ten risks, in the questionnaire's order");
            }
            double share = risksBySchool.size() / (double) SCHOOLS;
            assertTrue(share > 0.3 && share < 0.5, "surveyed share " + share);
            if (surveyedFirstYear == null) {
                surveyedFirstYear = new HashSet<>(risksBySchool.keySet());
            } else {
                for (String id : risksBySchool.keySet()) {
                    assertTrue(surveyedFirstYear.contains(id) || !open(id, 2021), "surveyed from the start or opened since: " + id);
                }
                for (String id : surveyedFirstYear) {
                    assertEquals(open(id, year), risksBySchool.containsKey(id), "the same schools every year while open: " + id);
                }
            }
        }
        double listedHigh = (double) high[1] / rowsByGroup[1];
        double othersHigh = (double) high[0] / rowsByGroup[0];
        assertTrue(listedHigh > othersHigh + 0.15, "«высокий» among listed " + listedHigh + " vs others " + othersHigh);
    }

    @Test
    void objectivityFlagsAreAHandfulOfKnownSchoolsMostlyOffTheList() throws IOException {
        Map<String, List<String>> schools = new HashMap<>();
        for (List<String> row : body(csv(csvDir.resolve("schools.csv")))) {
            schools.put(row.get(0), row);
        }
        int flagged = 0;
        int listed = 0;
        for (int year = 2021; year <= 2023; year++) {
            List<List<String>> rows = body(csv(csvDir.resolve("objectivity_flags_" + year + ".csv")));
            assertEquals(3, rows.size(), "2 % of " + SCHOOLS + " schools");
            Set<String> ids = new HashSet<>();
            for (List<String> r : rows) {
                assertEquals(3, r.size(), r.toString());
                assertEquals(Integer.toString(year), r.get(0));
                assertNotNull(schools.get(r.get(1)), r.get(1));
                assertTrue(ids.add(r.get(1)), "one row per school: " + r);
                assertTrue(r.get(2).startsWith("ВПР "), r.get(2));
                listed += listedNextYear.get(year).contains(r.get(1)) ? 1 : 0;
                flagged++;
            }
        }
        assertTrue(listed <= 1, "flagged schools' ВПР came out well: " + listed + " of " + flagged + " on the next list");
    }

    @Test
    void marksAndScoresFollowTheScales() throws IOException {
        Map<String, Assessment> catalogue = new HashMap<>();
        for (Assessment a : Assessments.all()) {
            catalogue.put(a.procedure() + "|" + a.grade() + "|" + a.subject(), a);
        }
        Set<String> seenProcedures = new HashSet<>();
        for (int year = 2021; year <= 2023; year++) {
            Set<String> ids = new HashSet<>();
            boolean checkIds = year == 2023; // once is enough, and the set is the costly part
            for (String[] f : rows(csvDir.resolve("results_" + year + ".csv"))) {
                assertEquals(Integer.toString(year), f[0]);
                Assessment a = catalogue.get(f[1] + "|" + f[2] + "|" + catalogueSubject(f[3]));
                assertNotNull(a, () -> "unknown assessment " + String.join(",", f));
                seenProcedures.add(f[1]);
                assertTrue(open(f[4], year), () -> "results of a school not open: " + String.join(",", f));
                if (f[6].isEmpty()) {
                    assertTrue(ResultsWriter.scoreOnly(a), () -> "only ВПР mathematics comes without marks: " + String.join(",", f));
                    assertFalse(f[7].isEmpty(), () -> "a score where the mark is missing: " + String.join(",", f));
                    continue;
                }
                int mark = Integer.parseInt(f[6]);
                assertTrue(mark >= 2 && mark <= 5, () -> "mark " + mark);
                assertTrue(isParticipantId(f[5]), () -> "participant id " + f[5]);
                if (checkIds) {
                    ids.add(f[4] + "|" + f[5]);
                }
                if (!a.scored()) {
                    assertEquals("", f[7], "базовая математика has no score");
                    continue;
                }
                int score = Integer.parseInt(f[7]);
                assertTrue(score >= 0 && score <= a.scale().max(), () -> "score " + score + " of " + a);
                assertEquals(a.scale().mark(score), mark, () -> "mark follows the score: " + String.join(",", f));
                if (a.ege()) {
                    assertEquals(score < EGE_MINIMUM.get(catalogueSubject(f[3])), mark == 2,
                            () -> "ЕГЭ mark 2 ⇔ below minimum: " + String.join(",", f));
                    assertEquals(100, a.scale().max());
                }
            }
            // One participant id belongs to one school in a year (it is the same child across subjects).
            Map<String, String> schoolOf = new HashMap<>();
            for (String key : ids) {
                String[] parts = key.split("\\|");
                String previous = schoolOf.put(parts[1], parts[0]);
                assertTrue(previous == null || previous.equals(parts[0]), () -> "id " + parts[1] + " in two schools");
            }
        }
        assertEquals(Set.of("ВПР", "ОГЭ", "ЕГЭ"), seenProcedures);
    }

    @Test
    void aggregatesAddUpAndEqualTheStudentFileSummedUp() throws IOException {
        Map<String, Assessment> catalogue = new HashMap<>();
        for (Assessment a : Assessments.all()) {
            catalogue.put(a.procedure() + "|" + a.grade() + "|" + a.subject(), a);
        }
        int zeroRows = 0;
        for (int year = 2021; year <= 2023; year++) {
            Map<String, int[]> fromStudents = new HashMap<>(); // key → participants, marks 2–5, below, score sum
            for (String[] f : rows(csvDir.resolve("results_" + year + ".csv"))) {
                int[] c = fromStudents.computeIfAbsent(f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4], k -> new int[7]);
                c[0]++;
                int mark = f[6].isEmpty()
                        ? catalogue.get(f[1] + "|" + f[2] + "|" + catalogueSubject(f[3])).scale().mark(Integer.parseInt(f[7]))
                        : Integer.parseInt(f[6]);
                c[mark - 1]++;
                if (!f[7].isEmpty()) {
                    c[6] += Integer.parseInt(f[7]);
                }
            }
            List<String[]> aggregates = rows(aggregateDir.resolve("results_agg_" + year + ".csv"));
            assertEquals(fromStudents.size() + 1, aggregates.size(), "one zero-participant row a year besides");
            for (String[] f : aggregates) {
                int participants = Integer.parseInt(f[5]);
                if (participants == 0) {
                    assertEquals(List.of("ВПР", "5", "0", "0", "0", "0", "", ""),
                            List.of(f[1], f[2], f[6], f[7], f[8], f[9], f[10], f[11]), String.join(",", f));
                    assertNull(fromStudents.get(f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4]), "a procedure it did not sit");
                    zeroRows++;
                    continue;
                }
                boolean scoredEge = f[1].equals("ЕГЭ") && !catalogueSubject(f[3]).equals("математика базовая");
                int[] c = fromStudents.get(f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4]);
                assertNotNull(c, String.join(",", f));
                assertEquals(c[0], participants);
                if (scoredEge) {
                    assertEquals(List.of("", "", "", ""), List.of(f[6], f[7], f[8], f[9]), "ЕГЭ gives no marks: " + String.join(",", f));
                    assertEquals(c[1], Integer.parseInt(f[10]), "below minimum = mark 2 for ЕГЭ: " + String.join(",", f));
                    assertTrue(f[11].matches("\\d+\\.\\d"), "mean score " + f[11]);
                    continue;
                }
                int sum = 0;
                for (int m = 6; m <= 9; m++) {
                    sum += Integer.parseInt(f[m]);
                }
                assertEquals(participants, sum, "marks add up to participants: " + String.join(",", f));
                for (int m = 2; m <= 5; m++) {
                    assertEquals(c[m - 1], Integer.parseInt(f[4 + m]), "mark " + m + " in " + String.join(",", f));
                }
                if (f[1].equals("ЕГЭ")) {
                    assertEquals(f[6], f[10], "below minimum = mark 2 for ЕГЭ: " + String.join(",", f));
                } else {
                    assertEquals("", f[10], "below_min only for ЕГЭ");
                }
                if (catalogueSubject(f[3]).equals("математика базовая")) {
                    assertEquals("", f[11]);
                } else {
                    assertTrue(f[11].matches("\\d+\\.\\d"), "mean score " + f[11]);
                    double mean = (double) c[6] / participants;
                    assertEquals(mean, Double.parseDouble(f[11]), 0.05 + 1e-9, String.join(",", f));
                }
            }
        }
        assertEquals(3, zeroRows, "one zero-participant row per year");
    }

    @Test
    void schoolsOnNextYearsListHaveMoreMarksTwo() throws IOException {
        double[] sum = new double[2];
        int[] count = new int[2];
        int[] withTwoMarkers = new int[2];
        for (int year = 2021; year <= 2023; year++) {
            Set<String> listed = listedNextYear.get(year);
            Map<String, Integer> markers = new HashMap<>();
            for (String[] f : rows(aggregateDir.resolve("results_agg_" + year + ".csv"))) {
                int participants = Integer.parseInt(f[5]);
                if (participants < 5) {
                    continue;
                }
                double share = Integer.parseInt(f[6].isEmpty() ? f[10] : f[6]) / (double) participants;
                int group = listed.contains(f[4]) ? 1 : 0;
                sum[group] += share;
                count[group]++;
                markers.merge(f[4], share >= 0.3 ? 1 : 0, Integer::sum);
            }
            for (Map.Entry<String, Integer> school : markers.entrySet()) {
                withTwoMarkers[listed.contains(school.getKey()) ? 1 : 0] += school.getValue() >= 2 ? 1 : 0;
            }
        }
        double listedMean = sum[1] / count[1];
        double othersMean = sum[0] / count[0];
        assertTrue(count[1] > 20, "procedures of listed schools: " + count[1]);
        assertTrue(listedMean > 0.25, "listed schools' mean share of mark 2: " + listedMean);
        assertTrue(othersMean < 0.12, "other schools' mean share of mark 2: " + othersMean);
        assertTrue(listedMean > 3 * othersMean, listedMean + " vs " + othersMean);
        int listedSchoolYears = listedNextYear.values().stream().mapToInt(Set::size).sum();
        assertTrue(withTwoMarkers[1] >= listedSchoolYears / 2,
                "listed school-years with ≥ 2 markers: " + withTwoMarkers[1] + " of " + listedSchoolYears);
        assertTrue(withTwoMarkers[0] < 0.15 * (SCHOOLS * YEARS - listedSchoolYears),
                "unlisted school-years with ≥ 2 markers: " + withTwoMarkers[0]);
    }

    @Test
    void someProceduresHaveFewerThanFiveParticipants() throws IOException {
        int small = 0;
        int judged = 0;
        for (String[] f : rows(aggregateDir.resolve("results_agg_2023.csv"))) {
            if (Integer.parseInt(f[5]) < 5) {
                small++;
            } else {
                judged++;
            }
        }
        assertTrue(small > 10, "procedures with < 5 participants: " + small);
        assertTrue(judged > small, judged + " judged vs " + small + " too small");
    }

    @Test
    void staffingIsConsistent() throws IOException {
        Map<String, List<String>> schools = new HashMap<>();
        for (List<String> row : body(csv(csvDir.resolve("schools.csv")))) {
            schools.put(row.get(0), row);
        }
        int changed = 0;
        int rows = 0;
        for (int year = 2021; year <= 2023; year++) {
            List<List<String>> staffing = body(csv(csvDir.resolve("staffing_" + year + ".csv")));
            assertEquals(openSchools(year), staffing.size());
            for (List<String> r : staffing) {
                assertEquals(11, r.size(), r.toString());
                List<String> school = schools.get(r.get(1));
                assertNotNull(school, r.get(1));
                assertEquals(school.get(1), r.get(2), "school_name as in schools.csv");
                assertEquals(school.get(7), r.get(3), "students as in schools.csv");
                int staff = Integer.parseInt(r.get(4));
                int teachers = Integer.parseInt(r.get(5));
                int vacancies = Integer.parseInt(r.get(6));
                int pension = Integer.parseInt(r.get(7));
                int untrained = Integer.parseInt(r.get(8));
                assertTrue(teachers >= 1 && teachers <= staff, r.toString());
                assertTrue(vacancies >= 0 && pension >= 0 && untrained >= 0, r.toString());
                assertTrue(pension <= teachers && untrained <= teachers, r.toString());
                assertTrue(r.get(9).matches("\\d\\d\\.\\d"), "avg_load " + r.get(9));
                double load = Double.parseDouble(r.get(9));
                assertTrue(load >= 18 && load <= 36, "avg_load " + load);
                assertTrue(Set.of("да", "нет").contains(r.get(10)), r.get(10));
                changed += r.get(10).equals("да") ? 1 : 0;
                rows++;
            }
        }
        double share = (double) changed / rows;
        assertTrue(share > 0.03 && share < 0.2, "heads changed " + share);
    }

    @Test
    void contextIsPlausibleAndFollowsTheRisk() throws IOException {
        Map<String, List<String>> schools = new HashMap<>();
        for (List<String> row : body(csv(csvDir.resolve("schools.csv")))) {
            schools.put(row.get(0), row);
        }
        double[] parents = new double[2];
        int[] count = new int[2];
        for (int year = 2021; year <= 2023; year++) {
            for (String[] f : rows(csvDir.resolve("context_" + year + ".csv"))) {
                assertEquals(12, f.length);
                for (int c = 2; c <= 6; c++) {
                    assertTrue(f[c].matches("[01]\\.\\d{3}"), "share " + f[c]);
                }
                List<String> school = schools.get(f[1]);
                int population = Integer.parseInt(f[7]);
                int distance = Integer.parseInt(f[8]);
                if (school.get(2).equals("город Новоозёрск")) {
                    assertEquals(0, distance, "the regional centre is at distance 0");
                    assertTrue(population >= 1_000_000 && population <= 1_200_000, "regional centre " + population);
                } else if (school.get(2).startsWith("город ")) {
                    assertTrue(population >= 50_000 && population <= 1_200_000, "city " + population);
                } else if (school.get(3).startsWith("с.") || school.get(3).startsWith("д.") || school.get(3).startsWith("п.")) {
                    assertTrue(population >= 100 && population <= 5_000, "village " + population);
                    assertTrue(distance > 0);
                } else {
                    assertTrue(population >= 5_000 && population <= 50_000, "town " + population + " " + school);
                }
                assertTrue(Set.of("да", "нет").contains(f[9]));
                assertTrue(Set.of("стабильный", "нестабильный", "нет").contains(f[10]), f[10]);
                assertTrue(f[11].matches("\\d+\\.\\d"), f[11]);
                int group = listedNextYear.get(year).contains(f[1]) ? 1 : 0;
                parents[group] += Double.parseDouble(f[2]);
                count[group]++;
            }
        }
        assertTrue(parents[1] / count[1] < parents[0] / count[0] - 0.03,
                "listed schools have fewer parents with higher education: " + parents[1] / count[1] + " vs " + parents[0] / count[0]);
    }

    @Test
    void xlsxWorkbooksLookLikeTheRegionsFiles(@TempDir Path dir) throws IOException {
        Path students = dir.resolve("students");
        Path aggregates = dir.resolve("aggregates");
        new RegionGenerator(42).generate(20, 1, 2024, students,
                new GeneratorOptions(GeneratorOptions.Format.XLSX, GeneratorOptions.Results.STUDENT));
        new RegionGenerator(42).generate(20, 1, 2024, aggregates,
                new GeneratorOptions(GeneratorOptions.Format.XLSX, GeneratorOptions.Results.AGGREGATE));
        assertTrue(Files.exists(students.resolve("schools.csv")), "reference files stay CSV");
        try (Workbook wb = open(students.resolve("results_2023.xlsx"))) {
            assertEquals(List.of("ВПР", "ОГЭ", "ЕГЭ"), sheetNames(wb));
            Sheet vpr = wb.getSheet("ВПР");
            assertEquals("Результаты ВПР/ОГЭ/ЕГЭ, 2023 год", vpr.getRow(0).getCell(0).getStringCellValue());
            assertTrue(isEmpty(vpr.getRow(1)), "an empty row above the header");
            assertEquals(List.of(RESULTS_HEADER_RU.split(";")), texts(vpr.getRow(2)));
            Row first = vpr.getRow(3);
            assertEquals(CellType.NUMERIC, first.getCell(0).getCellType());
            assertEquals(2023.0, first.getCell(0).getNumericCellValue());
            assertEquals("ВПР", first.getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, first.getCell(4).getCellType(), "school codes are text");
            assertEquals(CellType.NUMERIC, first.getCell(6).getCellType());
        }
        try (Workbook wb = open(aggregates.resolve("results_agg_2023.xlsx"))) {
            Sheet sheet = wb.getSheetAt(0);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("2023 год"));
            assertEquals("Отметка", sheet.getRow(2).getCell(6).getStringCellValue());
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(2, 2, 6, 9)), "«Отметка» merged over 4 columns");
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(2, 3, 0, 0)), "single columns span both header rows");
            assertEquals(List.of("2", "3", "4", "5"), texts(sheet.getRow(3)).subList(6, 10));
            int last = sheet.getLastRowNum();
            Row totals = sheet.getRow(last);
            assertEquals("Итого", totals.getCell(0).getStringCellValue());
            assertNull(totals.getCell(4), "the totals row has no school id");
            double participants = 0;
            for (int r = 4; r < last; r++) {
                participants += sheet.getRow(r).getCell(5).getNumericCellValue();
            }
            assertEquals(participants, totals.getCell(5).getNumericCellValue());
        }
        try (Workbook wb = open(aggregates.resolve("staffing_2023.xlsx"))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Учителей", sheet.getRow(2).getCell(7).getStringCellValue());
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(2, 2, 7, 8)));
            assertEquals(List.of("пенсионного возраста", "без профильной подготовки"), texts(sheet.getRow(3)).subList(7, 9));
            assertEquals(20 + 4, sheet.getLastRowNum(), "title, empty, 2 header rows, 20 schools, totals");
            assertEquals("Итого", sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue());
        }
        try (Workbook wb = open(aggregates.resolve("risk_survey_2023.xlsx"))) {
            Sheet sheet = wb.getSheet("Риски");
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("500+"));
            assertEquals(List.of(SURVEY_HEADER_RU.split(";")), texts(sheet.getRow(2)));
            assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(0).getCellType(), "the year is a number");
        }
        try (Workbook wb = open(aggregates.resolve("objectivity_flags_2023.xlsx"))) {
            Sheet sheet = wb.getSheet("Перечень");
            assertEquals("Перечень ОО с признаками необъективных результатов ВПР, 2023 год",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of(FLAGS_HEADER_RU.split(";")), texts(sheet.getRow(2)));
            assertEquals(3, sheet.getLastRowNum(), "title, empty, header, 1 school (2 % of 20, at least one)");
        }
        try (Workbook wb = open(aggregates.resolve("context_2023.xlsx"))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(List.of(CONTEXT_HEADER_RU.split(";")), texts(sheet.getRow(2)));
            assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(2).getCellType(), "shares are numbers");
            assertEquals(22, sheet.getLastRowNum(), "no totals row in context");
        }
    }

    @Test
    void aFullResultsSheetContinuesOnTheNextOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results_2023.xlsx");
        try (XlsxTableSink sink = new XlsxTableSink(file, InputTable.RESULTS, 2023, 10)) {
            for (int i = 0; i < 12; i++) {
                sink.row(2023, "ВПР", 4, "математика", "550001", Long.toString(1_000_000_000L + i), 3, 9);
            }
            sink.row(2023, "ЕГЭ", 11, "русский язык", "550001", "1000000099", 4, 60);
            assertEquals(13, sink.rows());
        }
        try (Workbook wb = open(file)) {
            assertEquals(List.of("ВПР", "ОГЭ", "ЕГЭ", "ВПР (2)"), sheetNames(wb));
            assertEquals(9, wb.getSheet("ВПР").getLastRowNum(), "rows 0–9: title, empty, header, 7 data rows");
            assertEquals(3 + 5 - 1, wb.getSheet("ВПР (2)").getLastRowNum());
            assertEquals(3, wb.getSheet("ЕГЭ").getLastRowNum(), "other procedures stay on their own sheet");
            assertTrue(wb.getSheet("ВПР (2)").getRow(0).getCell(0).getStringCellValue().contains("продолжение"));
        }
    }

    @Test
    void optionsParseTheCommandLineSpellings() {
        assertEquals(GeneratorOptions.Format.CSV_RU, GeneratorOptions.Format.parse("csv-ru"));
        assertEquals(GeneratorOptions.Format.XLSX, GeneratorOptions.Format.parse("XLSX"));
        assertEquals(GeneratorOptions.Results.NONE, GeneratorOptions.Results.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.Format.parse("ods"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.Results.parse("all"));
    }

    @Test
    void noResultsMeansNoResultsFile(@TempDir Path dir) throws IOException {
        GeneratedRegion region = new RegionGenerator(42).generate(20, 1, 2024, dir,
                new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.NONE));
        assertEquals(List.of("schools.csv", "official_list_2024.csv", "context_2023.csv", "staffing_2023.csv",
                        "risk_survey_2023.csv", "objectivity_flags_2023.csv", "municipal_plan_2024.csv", "roadmap_2023.csv"),
                region.files().stream().map(p -> p.getFileName().toString()).toList());
    }

    // --- helpers ---------------------------------------------------------------------------

    private static boolean isParticipantId(String id) {
        if (id.length() != 10 || id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        return names;
    }

    private static boolean isEmpty(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.BLANK) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? "" : cell.getStringCellValue());
        }
        return texts;
    }

    private static String firstLine(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.readLine();
        }
    }

    private static String decode1251(Path file) throws IOException {
        try {
            return CsvTableSink.WINDOWS_1251.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not windows-1251", e);
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Rows of a file whose fields never need quoting (results, aggregates, context). */
    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        return RegionGeneratorTest.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static <T> List<T> body(List<T> rows) {
        return rows.subList(1, rows.size());
    }
}
