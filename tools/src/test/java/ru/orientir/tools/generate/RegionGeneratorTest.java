package ru.orientir.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionGeneratorTest {

    private static final String SCHOOLS_HEADER =
            "school_id,name,municipality,settlement,urban_rural,school_type,small_school,students,opened,closed";
    private static final String LIST_HEADER = "list_year,school_id,reason";
    /** For the tests about schools and lists: results are GenerateInputsTest's business and cost time here. */
    private static final GeneratorOptions LISTS_ONLY =
            new GeneratorOptions(GeneratorOptions.Format.CSV, GeneratorOptions.Results.NONE);

    /** The region the dynamics tests look at: 1,000 schools, list years 2019–2024, seed 42. */
    @TempDir
    static Path sharedDir;
    private static GeneratedRegion region;
    private static List<List<String>> schoolRows;
    /** school id → list years it is on, in year order. */
    private static Map<String, boolean[]> membership;

    @BeforeAll
    static void generateRegion() throws IOException {
        region = new RegionGenerator(42).generate(1000, 6, 2024, sharedDir, LISTS_ONLY);
        schoolRows = body(parse(sharedDir.resolve("schools.csv")));
        membership = new LinkedHashMap<>();
        for (List<String> row : schoolRows) {
            membership.put(row.get(0), new boolean[6]);
        }
        for (int y = 0; y < 6; y++) {
            for (List<String> row : body(parse(sharedDir.resolve("official_list_" + (2019 + y) + ".csv")))) {
                membership.get(row.get(1))[y] = true;
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratedRegion a = new RegionGenerator(7).generate(300, 4, 2023, first);
        GeneratedRegion b = new RegionGenerator(7).generate(300, 4, 2023, second);
        assertEquals(a.schoolsOnListByYear(), b.schoolsOnListByYear());
        assertEquals(5 + 4 * 5 + 2 + 3, a.files().size(),
                "schools, 4 lists, and results, context, staffing, risk survey, objectivity flags per assessment year; "
                        + "the returned plans of the last two list years and the roadmap of the last three years");
        for (int i = 0; i < a.files().size(); i++) {
            assertEquals(a.files().get(i).getFileName(), b.files().get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(b.files().get(i)),
                    "file " + a.files().get(i).getFileName());
        }
    }

    @Test
    void oneGeneratorInstanceRepeatsItself(@TempDir Path first, @TempDir Path second) throws IOException {
        RegionGenerator generator = new RegionGenerator(7);
        generator.generate(200, 3, 2023, first, LISTS_ONLY);
        generator.generate(200, 3, 2023, second, LISTS_ONLY);
        assertArrayEquals(Files.readAllBytes(first.resolve("official_list_2023.csv")),
                Files.readAllBytes(second.resolve("official_list_2023.csv")));
    }

    @Test
    void differentSeedGivesDifferentFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        new RegionGenerator(7).generate(300, 4, 2023, first, LISTS_ONLY);
        new RegionGenerator(8).generate(300, 4, 2023, second, LISTS_ONLY);
        assertFalse(Arrays.equals(Files.readAllBytes(first.resolve("schools.csv")),
                Files.readAllBytes(second.resolve("schools.csv"))));
        assertFalse(Arrays.equals(Files.readAllBytes(first.resolve("official_list_2023.csv")),
                Files.readAllBytes(second.resolve("official_list_2023.csv"))));
    }

    @Test
    void writesTheFilesItReports() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : region.files()) {
            assertEquals(sharedDir, file.getParent());
            assertTrue(Files.isRegularFile(file), file + " exists");
            names.add(file.getFileName().toString());
        }
        assertEquals(7 + 6 * 4 + 2 + 3, names.size());
        assertEquals(List.of("municipal_plan_2023.csv", "municipal_plan_2024.csv", "roadmap_2021.csv", "roadmap_2022.csv",
                "roadmap_2023.csv"), names.subList(names.size() - 5, names.size()));
        assertEquals(List.of("context_2018.csv", "staffing_2018.csv", "risk_survey_2018.csv", "objectivity_flags_2018.csv"),
                names.subList(7, 11));
        assertEquals(List.of("schools.csv", "official_list_2019.csv", "official_list_2020.csv",
                "official_list_2021.csv", "official_list_2022.csv", "official_list_2023.csv",
                "official_list_2024.csv"), names.subList(0, 7));
        assertEquals(1000, region.schools());
        assertEquals(40, region.municipalities());
        assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024), new ArrayList<>(region.schoolsOnListByYear().keySet()));
        for (int y = 0; y < 6; y++) {
            int year = 2019 + y;
            int rows = body(parse(sharedDir.resolve("official_list_" + year + ".csv"))).size();
            assertEquals(rows, region.schoolsOnListByYear().get(year), "count for " + year);
        }
    }

    @Test
    void headersAreExactAndThereIsNoBom() throws IOException {
        for (Path file : region.files().subList(0, 7)) {
            byte[] bytes = Files.readAllBytes(file);
            assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF, file + " starts with a BOM");
            String text = new String(bytes, StandardCharsets.UTF_8);
            String header = text.substring(0, text.indexOf('\n'));
            boolean schools = file.getFileName().toString().equals("schools.csv");
            assertEquals(schools ? SCHOOLS_HEADER : LIST_HEADER, header, file.getFileName().toString());
            assertTrue(text.endsWith("\n"));
            assertFalse(text.contains("\r"), "lines end with LF only");
        }
    }

    @Test
    void schoolRowsAreWellFormed() {
        assertEquals(1000, schoolRows.size());
        Set<String> ids = new HashSet<>();
        Set<String> municipalities = new HashSet<>();
        for (List<String> row : schoolRows) {
            assertEquals(10, row.size(), "fields in " + row);
            assertTrue(row.get(8).isEmpty() || row.get(8).matches("20(19|2[0-3])"), "opened " + row.get(8));
            assertTrue(row.get(9).isEmpty() || row.get(9).matches("20(1[89]|2[0-2])"), "closed " + row.get(9));
            assertTrue(row.get(0).matches("55\\d{4}"), "id " + row.get(0));
            assertTrue(ids.add(row.get(0)), "duplicate id " + row.get(0));
            assertFalse(row.get(1).isBlank());
            assertTrue(row.get(2).startsWith("город ") || row.get(2).endsWith("район")
                    || row.get(2).endsWith("муниципальный округ"), "municipality " + row.get(2));
            municipalities.add(row.get(2));
            assertTrue(row.get(3).matches("(г\\.|р\\.п\\.|с\\.|д\\.|п\\.) \\S.*"), "settlement " + row.get(3));
            assertTrue(Set.of("городская", "сельская").contains(row.get(4)), row.get(4));
            assertTrue(Set.of("СОШ", "ООШ", "НОШ", "гимназия", "лицей").contains(row.get(5)), row.get(5));
            assertTrue(Set.of("да", "нет").contains(row.get(6)), row.get(6));
            int students = Integer.parseInt(row.get(7));
            if (row.get(6).equals("да")) {
                assertTrue(students >= 10 && students <= 100, "small school with " + students);
            } else {
                assertTrue(students >= 100 && students <= 1500, "school with " + students);
            }
        }
        assertEquals(40, municipalities.size());
    }

    @Test
    void citiesHoldMoreSchoolsThanAnyDistrict() {
        Map<String, Integer> perMunicipality = new TreeMap<>();
        for (List<String> row : schoolRows) {
            perMunicipality.merge(row.get(2), 1, Integer::sum);
        }
        int biggestCity = 0;
        int biggestDistrict = 0;
        for (Map.Entry<String, Integer> entry : perMunicipality.entrySet()) {
            if (entry.getKey().startsWith("город ")) {
                biggestCity = Math.max(biggestCity, entry.getValue());
            } else {
                biggestDistrict = Math.max(biggestDistrict, entry.getValue());
            }
        }
        assertTrue(biggestCity > biggestDistrict, biggestCity + " vs " + biggestDistrict);
    }

    @Test
    void namesWithCommasAndQuotesRoundTripAsOneField() throws IOException {
        String raw = Files.readString(sharedDir.resolve("schools.csv"), StandardCharsets.UTF_8);
        String withComma = null;
        String withQuote = null;
        for (List<String> row : schoolRows) {
            if (withComma == null && row.get(1).contains(",")) {
                withComma = row.get(1);
            }
            if (withQuote == null && row.get(1).contains("\"")) {
                withQuote = row.get(1);
            }
        }
        assertTrue(withComma != null, "some name contains a comma");
        assertTrue(withQuote != null, "some name contains a straight quote");
        // Written quoted, with inner quotes doubled; parsed back to the same text.
        assertTrue(raw.contains(",\"" + withQuote.replace("\"", "\"\"") + "\","), withQuote);
        assertTrue(raw.contains(",\"" + withComma.replace("\"", "\"\"") + "\","), withComma);
    }

    @Test
    void listRowsReferToKnownSchoolsOncePerYear() throws IOException {
        for (int year = 2019; year <= 2024; year++) {
            Set<String> seen = new HashSet<>();
            for (List<String> row : body(parse(sharedDir.resolve("official_list_" + year + ".csv")))) {
                assertEquals(3, row.size());
                assertEquals(Integer.toString(year), row.get(0));
                assertTrue(membership.containsKey(row.get(1)), "unknown school " + row.get(1));
                assertTrue(seen.add(row.get(1)), "duplicate " + year + "," + row.get(1));
                assertTrue(row.get(2).isEmpty() || row.get(2).matches("НОР(;(ВПР|ОГЭ|ЕГЭ))+"), row.get(2));
            }
        }
    }

    @Test
    void shareOnTheListIsLikeARealList() {
        for (Map.Entry<Integer, Integer> year : region.schoolsOnListByYear().entrySet()) {
            double share = year.getValue() / 1000.0;
            assertTrue(share >= 0.04 && share <= 0.15, year.getKey() + ": share " + share);
        }
    }

    @Test
    void mostSchoolsAreNeverListedWhileSomeStayAndSomeReturn() {
        int never = 0;
        int stayingThreeYears = 0;
        int returning = 0;
        for (boolean[] on : membership.values()) {
            int run = 0;
            int longest = 0;
            boolean ever = false;
            boolean leftAfterBeingOn = false;
            boolean returned = false;
            for (boolean listed : on) {
                if (listed) {
                    returned |= leftAfterBeingOn;
                    ever = true;
                    longest = Math.max(longest, ++run);
                } else {
                    leftAfterBeingOn |= ever;
                    run = 0;
                }
            }
            never += ever ? 0 : 1;
            stayingThreeYears += longest >= 3 ? 1 : 0;
            returning += returned ? 1 : 0;
        }
        assertTrue(never > 750, "never listed: " + never);
        assertTrue(stayingThreeYears >= 1, "no school stays 3+ years");
        assertTrue(returning >= 1, "no school returns");
    }

    @Test
    void listedSchoolsMostlyStay() {
        int listed = 0;
        int stayed = 0;
        for (boolean[] on : membership.values()) {
            for (int y = 1; y < on.length; y++) {
                if (on[y - 1]) {
                    listed++;
                    stayed += on[y] ? 1 : 0;
                }
            }
        }
        double stayRate = (double) stayed / listed;
        assertTrue(stayRate > 0.45 && stayRate < 0.75, "stay rate " + stayRate);
    }

    @Test
    void ruralSchoolsAreListedMoreOften() {
        int[] schools = new int[2];
        int[] everListed = new int[2];
        for (List<String> row : schoolRows) {
            int rural = row.get(4).equals("сельская") ? 1 : 0;
            schools[rural]++;
            boolean ever = false;
            for (boolean listed : membership.get(row.get(0))) {
                ever |= listed;
            }
            everListed[rural] += ever ? 1 : 0;
        }
        assertTrue((double) everListed[1] / schools[1] > (double) everListed[0] / schools[0],
                "rural " + everListed[1] + "/" + schools[1] + " vs urban " + everListed[0] + "/" + schools[0]);
    }

    @Test
    void tinyRegionAndMissingDirectoryWork(@TempDir Path dir) throws IOException {
        Path nested = dir.resolve("a/b/region");
        GeneratedRegion tiny = new RegionGenerator(1).generate(1, 1, 2000, nested);
        assertEquals(1, tiny.schools());
        assertEquals(1, tiny.municipalities());
        assertEquals(List.of(nested.resolve("schools.csv"), nested.resolve("official_list_2000.csv"),
                nested.resolve("results_1999.csv"), nested.resolve("context_1999.csv"), nested.resolve("staffing_1999.csv"),
                nested.resolve("risk_survey_1999.csv"), nested.resolve("objectivity_flags_1999.csv"),
                nested.resolve("municipal_plan_2000.csv"), nested.resolve("roadmap_1999.csv")),
                tiny.files());
        assertEquals(2, parse(nested.resolve("schools.csv")).size());
        assertEquals(List.of("550001"), List.of(parse(nested.resolve("schools.csv")).get(1).get(0)));
    }

    @Test
    void idsWidenForLargeRegions(@TempDir Path dir) throws IOException {
        new RegionGenerator(3).generate(12_000, 1, 2024, dir, LISTS_ONLY);
        List<List<String>> rows = body(parse(dir.resolve("schools.csv")));
        assertEquals("5500001", rows.get(0).get(0));
        assertEquals("5512000", rows.get(rows.size() - 1).get(0));
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirName(@TempDir Path dir) {
        RegionGenerator generator = new RegionGenerator(1);
        assertMessage("schools", () -> generator.generate(0, 3, 2024, dir));
        assertMessage("listYears", () -> generator.generate(10, 0, 2024, dir));
        assertMessage("lastListYear", () -> generator.generate(10, 3, 1999, dir));
        assertMessage("lastListYear", () -> generator.generate(10, 3, 2101, dir));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
    }

    private static List<List<String>> body(List<List<String>> rows) {
        return rows.subList(1, rows.size());
    }

    private static List<List<String>> parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A tiny RFC 4180 reader, independent of the writer under test: quoted fields, "" escapes, CRLF or LF. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
