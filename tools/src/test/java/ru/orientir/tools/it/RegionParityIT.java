package ru.orientir.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.chain.Csv;
import ru.orientir.jobs.e2e.OrientirCli;
import ru.orientir.warehouse.marts.Marts;

/**
 * docs/methodology.md §0: a region gets the same marts in a national warehouse as in a warehouse of its own. Three
 * generated regions of different sizes and different list years (69: 70 schools, list years 2022–2025; 52: 40
 * schools, 2023–2025; 33: 25 schools, 2022–2025) are each run alone, then together in one warehouse; every published
 * mart of the national run, split by its region column, must equal the region's own run value by value (run id
 * aside). Region 52 has a threshold of its own in the national configuration (analytics.regions: ШНСУ is the lowest
 * 40 % of ИСБ instead of 25 %), and the same threshold as the whole configuration of its own run: the national run then
 * computes 52 in a pass of its own and 69 with 33 together, so both ways are compared.
 *
 * <p>Both regions come from bin/orientir generate with different seeds; the test then gives each its code as
 * regions send it — the schools file's column «region» (код субъекта), school ids that start with the code, file
 * names of their own — and its municipalities names of their own (the municipal plans name a municipality, not a
 * region: two regions' «Центральный район» would be one municipality to a plan file).
 */
class RegionParityIT {
    private static final String PSEUDONYM_KEY = "region-parity-it-pseudonym-key-of-32-bytes-or-more";

    @TempDir
    Path tmp;

    @Test
    void eachRegionGetsTheSameMartsInANationalWarehouseAsInAWarehouseOfItsOwn() throws Exception {
        long t0 = System.nanoTime();
        OrientirCli generator = new OrientirCli(env("generate", null));
        Path genA = tmp.resolve("generated-69");
        Path genB = tmp.resolve("generated-52");
        Path genC = tmp.resolve("generated-33");
        generate(generator, genA, "70", "4", "3");
        generate(generator, genB, "40", "3", "11");
        generate(generator, genC, "25", "4", "17");
        Path inboxA = asRegion(genA, "69", tmp.resolve("inbox-69"));
        Path inboxB = asRegion(genB, "52", tmp.resolve("inbox-52"));
        Path inboxC = asRegion(genC, "33", tmp.resolve("inbox-33"));
        Path national = tmp.resolve("inbox-national");
        Files.createDirectories(national);
        for (Path inbox : List.of(inboxA, inboxB, inboxC)) {
            try (Stream<Path> files = Files.list(inbox)) {
                for (Path f : files.toList()) {
                    Files.copy(f, national.resolve(f.getFileName()));
                }
            }
        }
        // Region 69's mark-2 bounds cover the others' years too (the bounds depend on the year and the assessment only).
        Path bounds = genA.resolve(".mark2-bounds.yml");
        assertTrue(Files.exists(bounds), "the generator writes the mark-2 bounds beside its files");
        String yaml = Files.readString(bounds, StandardCharsets.UTF_8);
        Path own52 = Files.writeString(tmp.resolve("orientir-52.yml"), yaml + "analytics:\n  isb: {shnsu-quantile: 0.4}\n");
        Path regional = Files.writeString(tmp.resolve("orientir-national.yml"),
                yaml + "analytics:\n  regions:\n    \"52\": {isb: {shnsu-quantile: 0.4}}\n");

        Map<String, Map<String, List<String>>> alone69 = runAndRead("69", inboxA, bounds);
        Map<String, Map<String, List<String>>> alone52 = runAndRead("52", inboxB, own52);
        Map<String, Map<String, List<String>>> alone33 = runAndRead("33", inboxC, bounds);
        Map<String, Map<String, List<String>>> together = runAndRead("national", national, regional);
        System.out.printf(Locale.ROOT, "RegionParityIT: four runs and their marts in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String mart : martTables()) {
            assertTrue(java.util.Set.of("33", "52", "69").containsAll(together.get(mart).keySet()),
                    mart + ": rows of regions other than 33, 52 and 69: " + together.get(mart).keySet());
            compared += compare(mart, "69", alone69.get(mart), together.get(mart), differences);
            compared += compare(mart, "52", alone52.get(mart), together.get(mart), differences);
            compared += compare(mart, "33", alone33.get(mart), together.get(mart), differences);
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " mart(s) differ between a region run alone and the national run:\n"
                    + String.join("\n", differences));
        }
        // Not a comparison of two empty warehouses: both regions filled the marts the rules always fill.
        for (String mart : List.of("school_year_markers", "list_membership", "school_status", "list_transitions", "isb",
                "resilience", "risk_profile", "early_warning", "early_warning_backtest")) {
            assertFalse(alone69.get(mart).getOrDefault("69", List.of()).isEmpty(), mart + " of region 69 is empty");
            assertFalse(alone52.get(mart).getOrDefault("52", List.of()).isEmpty(), mart + " of region 52 is empty");
            assertFalse(alone33.get(mart).getOrDefault("33", List.of()).isEmpty(), mart + " of region 33 is empty");
        }
        // Region 52's own threshold was applied: about 40 % of its schools with an ИСБ are ШНСУ, against about 25 %
        // in 69 (the shnsu column is the isb mart's fifth after the run id: year, school_id, isb, indicators_used,
        // indicators, shnsu).
        assertTrue(shnsuShare(together.get("isb").get("52")) > 0.35, "region 52: the lowest 40 % of ИСБ");
        assertTrue(shnsuShare(together.get("isb").get("69")) < 0.3, "region 69: the lowest 25 % of ИСБ");
        // The regions' list years differ: the national run keeps each region's own (52 has no list of 2022).
        assertTrue(together.get("list_membership").get("69").stream().anyMatch(r -> r.startsWith("2022|")),
                "region 69 has its 2022 list");
        assertFalse(together.get("list_membership").get("52").stream().anyMatch(r -> r.startsWith("2022|")),
                "region 52 has no 2022 list in the national warehouse either");
        assertTrue(compared > 1000, "rows compared: " + compared);
        System.out.printf(Locale.ROOT, "RegionParityIT: %d rows of %d marts equal per region%n", compared,
                martTables().size());
    }

    private static double shnsuShare(List<String> isbRows) {
        long known = isbRows.stream().filter(r -> !r.split("\\|", -1)[5].equals("null")).count();
        long shnsu = isbRows.stream().filter(r -> r.split("\\|", -1)[5].equals("true")).count();
        assertTrue(known > 10, "schools with an ИСБ: " + known);
        return (double) shnsu / known;
    }

    private static List<String> martTables() {
        return Marts.marts().stream().map(m -> m.name().equals("markers") ? "school_year_markers" : m.name()).toList();
    }

    /** Compares one region's rows; returns how many rows were compared. */
    private static int compare(String mart, String region, Map<String, List<String>> alone,
                               Map<String, List<String>> national, List<String> differences) {
        List<String> own = alone.getOrDefault(region, List.of());
        List<String> shared = national.getOrDefault(region, List.of());
        if (!own.equals(shared)) {
            List<String> onlyOwn = new ArrayList<>(own);
            onlyOwn.removeAll(shared);
            List<String> onlyShared = new ArrayList<>(shared);
            onlyShared.removeAll(own);
            differences.add("  " + mart + ", region " + region + ": alone " + own.size() + " rows, national "
                    + shared.size() + "; only alone: " + head(onlyOwn) + "; only national: " + head(onlyShared));
        }
        return own.size();
    }

    private static String head(List<String> rows) {
        return rows.stream().limit(5).collect(Collectors.joining(" / ", "[", rows.size() > 5 ? " …]" : "]"));
    }

    private void generate(OrientirCli cli, Path out, String schools, String years, String seed) throws Exception {
        OrientirCli.Result r = cli.run("generate", "--schools", schools, "--years", years, "--seed", seed, "--results",
                "student", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }

    /** Runs the pipeline on inbox in a home of its own; every mart's rows (run id aside) by region, sorted. */
    private Map<String, Map<String, List<String>>> runAndRead(String name, Path inbox, Path bounds) throws Exception {
        Path home = tmp.resolve("home-" + name);
        OrientirCli.Result run = new OrientirCli(env(name, bounds)).run("run", "--inbox", inbox.toString());
        assertEquals(0, run.exitCode(), name + ": " + run.stdout() + run.stderr());
        assertTrue(run.stdout().contains(", в карантине: 0\n"), name + ": every row loads\n" + run.stdout());
        Map<String, Map<String, List<String>>> marts = new LinkedHashMap<>();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), readOnly);
             Statement s = c.createStatement()) {
            for (String mart : martTables()) {
                Map<String, List<String>> byRegion = new TreeMap<>();
                try (ResultSet rs = s.executeQuery("SELECT * EXCLUDE (run_id) FROM " + mart)) {
                    ResultSetMetaData md = rs.getMetaData();
                    int regionColumn = rs.findColumn("region");
                    while (rs.next()) {
                        byRegion.computeIfAbsent(rs.getString(regionColumn), r -> new ArrayList<>()).add(row(rs, md));
                    }
                }
                byRegion.values().forEach(l -> l.sort(null));
                marts.put(mart, byRegion);
            }
        }
        return marts;
    }

    /** A row as text; doubles to 10 significant digits (sums over other partitions may differ in the last bits). */
    private static String row(ResultSet rs, ResultSetMetaData md) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (i > 1) {
                b.append('|');
            }
            b.append(v instanceof Double d ? String.format(Locale.ROOT, "%.10g", d) : String.valueOf(v));
        }
        return b.toString();
    }

    private Map<String, String> env(String name, Path config) {
        Map<String, String> env = new HashMap<>();
        env.put("ORIENTIR_HOME", tmp.resolve("home-" + name).toString());
        env.put("ORIENTIR_PSEUDONYM_KEY", PSEUDONYM_KEY);
        env.put("ORIENTIR_PIPELINE_RETRIES", "0");
        if (config != null) {
            env.put("ORIENTIR_CONFIG", config.toString());
        }
        return env;
    }

    /**
     * The generated files as region {@code code} sends them: the schools file gains the column «region», every school
     * id starts with the code instead of the generator's 55, every municipality is named «… (code)», and every file
     * name starts with the code.
     */
    static Path asRegion(Path generated, String code, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                List<Csv.Row> rows = Csv.read(f);
                List<String> header = new ArrayList<>(headerOf(f));
                boolean schools = f.getFileName().toString().equals("schools.csv");
                StringBuilder out = new StringBuilder();
                List<String> head = new ArrayList<>(header);
                if (schools) {
                    head.add("region");
                }
                out.append(line(head));
                for (Csv.Row r : rows) {
                    List<String> fields = new ArrayList<>();
                    for (String column : header) {
                        String v = r.has(column) ? r.get(column) : null;
                        fields.add(v == null ? "" : rewrite(column, v, code));
                    }
                    if (schools) {
                        fields.add(code);
                    }
                    out.append(line(fields));
                }
                Files.writeString(inbox.resolve(code + "_" + f.getFileName()), out.toString(), StandardCharsets.UTF_8);
            }
        }
        return inbox;
    }

    private static String rewrite(String column, String value, String code) {
        return switch (column) {
            case "school_id" -> id(value, code);
            case "schools" -> "все".equals(value) ? value
                    : Stream.of(value.split(";\\s*")).map(v -> id(v, code)).collect(Collectors.joining("; "));
            case "municipality" -> value + " (" + code + ")";
            default -> value;
        };
    }

    private static String id(String id, String code) {
        assertTrue(id.startsWith("55"), "generated school ids start with 55: " + id);
        return code + id.substring(2);
    }

    private static List<String> headerOf(Path csv) throws IOException {
        String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        return Csv.parse(first + "\n" + first).get(0).header().entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(RegionParityIT::quoted).collect(Collectors.joining(",")) + "\n";
    }

    private static String quoted(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
