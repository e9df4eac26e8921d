package ru.orientir.jobs.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ru.orientir.jobs.csv.CsvWriter;

/**
 * Generates a synthetic region's input files: {@code schools.csv} and one
 * {@code official_list_<year>.csv} per list year, for {@code bin/orientir generate} and the demo.
 *
 * <p>Everything is drawn from one {@link SplittableRandom} seeded with the seed alone, split
 * into independent streams (places, schools, risk, list, reasons), so the same arguments give
 * byte-identical files, and the schools file depends only on the seed and the school count.
 * No clock, no hash-order iteration.
 *
 * <p>How the lists behave (share on the list, stay rate, entries, returns) is described in
 * {@link ListDynamics}; where the risk comes from, in {@link LatentRisk}.
 */
public final class RegionGenerator {

    static final String SCHOOLS_FILE = "schools.csv";
    static final List<String> SCHOOLS_HEADER = List.of(
            "school_id", "name", "municipality", "settlement", "urban_rural", "school_type", "small_school", "students");
    static final List<String> LIST_HEADER = List.of("list_year", "school_id", "reason");

    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    private final long seed;

    public RegionGenerator(long seed) {
        this.seed = seed;
    }

    static String listFile(int year) {
        return "official_list_" + year + ".csv";
    }

    /** Writes the region's input files into outDir (created if missing) and returns what it wrote. */
    public GeneratedRegion generate(int schools, int listYears, int lastListYear, Path outDir) throws IOException {
        if (schools < 1) {
            throw new IllegalArgumentException("schools must be at least 1, got " + schools);
        }
        if (listYears < 1) {
            throw new IllegalArgumentException("listYears must be at least 1, got " + listYears);
        }
        if (lastListYear < MIN_YEAR || lastListYear > MAX_YEAR) {
            throw new IllegalArgumentException("lastListYear must be between " + MIN_YEAR + " and " + MAX_YEAR
                    + ", got " + lastListYear);
        }
        Objects.requireNonNull(outDir, "outDir");

        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom places = root.split();
        SplittableRandom schoolDraws = root.split();
        SplittableRandom riskDraws = root.split();
        SplittableRandom listDraws = root.split();
        SplittableRandom reasonDraws = root.split();

        List<Municipality> municipalities = Municipalities.choose(Municipalities.countFor(schools), places);
        int[] perMunicipality = allocate(schools, municipalities, places);
        List<SyntheticSchool> region = new SchoolFactory(schoolDraws, schools).create(municipalities, perMunicipality);
        double[] risk = LatentRisk.assign(region, municipalities.size(), riskDraws);
        boolean[][] on = new ListDynamics(risk, listDraws).simulate(listYears);

        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        files.add(writeSchools(outDir.resolve(SCHOOLS_FILE), region, municipalities));
        SortedMap<Integer, Integer> onByYear = new TreeMap<>();
        int firstYear = lastListYear - listYears + 1;
        for (int y = 0; y < listYears; y++) {
            int year = firstYear + y;
            Path file = outDir.resolve(listFile(year));
            onByYear.put(year, writeList(file, year, region, on[y], reasonDraws));
            files.add(file);
        }
        return new GeneratedRegion(files, municipalities.size(), schools, onByYear);
    }

    /**
     * Shares schools out by weight, at least one each, by largest remainder (ties to the
     * earlier municipality). The main city holds about a fifth of the region's schools,
     * other cities two to three districts' worth, districts vary by a factor of three.
     */
    private static int[] allocate(int schools, List<Municipality> municipalities, SplittableRandom random) {
        int count = municipalities.size();
        double[] weight = new double[count];
        double districtTotal = 0;
        for (int m = 0; m < count; m++) {
            if (!municipalities.get(m).city()) {
                weight[m] = 0.5 + random.nextDouble();
                districtTotal += weight[m];
            }
        }
        for (int m = 0; m < count; m++) {
            if (municipalities.get(m).city()) {
                weight[m] = m == 0 ? Math.max(2.0, districtTotal * 0.28) : 2.0 + random.nextDouble();
            }
        }
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        int[] allocated = new int[count];
        double[] remainder = new double[count];
        int spare = schools - count;
        int given = 0;
        for (int m = 0; m < count; m++) {
            double exact = spare * weight[m] / total;
            allocated[m] = 1 + (int) Math.floor(exact);
            remainder[m] = exact - Math.floor(exact);
            given += allocated[m];
        }
        for (int left = schools - given; left > 0; left--) {
            int best = 0;
            for (int m = 1; m < count; m++) {
                if (remainder[m] > remainder[best]) {
                    best = m;
                }
            }
            allocated[best]++;
            remainder[best] = -1;
        }
        return allocated;
    }

    private static Path writeSchools(Path file, List<SyntheticSchool> region, List<Municipality> municipalities)
            throws IOException {
        try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            csv.writeRow(SCHOOLS_HEADER);
            for (SyntheticSchool school : region) {
                csv.writeRow(
                        school.id(),
                        school.name(),
                        municipalities.get(school.municipality()).name(),
                        school.settlement(),
                        school.urban() ? "городская" : "сельская",
                        school.type().label(),
                        school.small() ? "да" : "нет",
                        Integer.toString(school.students()));
            }
        }
        return file;
    }

    /** Writes one year's list in school-id order and returns how many schools are on it. */
    private static int writeList(Path file, int year, List<SyntheticSchool> region, boolean[] on,
            SplittableRandom reasons) throws IOException {
        int listed = 0;
        String yearText = Integer.toString(year);
        try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            csv.writeRow(LIST_HEADER);
            for (int i = 0; i < on.length; i++) {
                if (on[i]) {
                    SyntheticSchool school = region.get(i);
                    csv.writeRow(yearText, school.id(), ListReasons.next(school.type(), reasons));
                    listed++;
                }
            }
        }
        return listed;
    }
}
