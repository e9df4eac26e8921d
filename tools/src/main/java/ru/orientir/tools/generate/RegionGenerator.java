package ru.orientir.tools.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates a synthetic region's input files, for {@code bin/orientir generate} and the demo:
 * {@code schools.csv}, one {@code official_list_<year>.csv} per list year, and for each
 * assessment year A (the year before each list year: list Y is built from the results of
 * Y−1) {@code results_<A>} (student level) or {@code results_agg_<A>} (school aggregates),
 * {@code context_<A>}, {@code staffing_<A>}, {@code risk_survey_<A>} (ФИОКО's 500+ survey
 * profiles, {@link RiskSurvey}) and {@code objectivity_flags_<A>} (ФИОКО's list of schools with
 * signs of non-objective ВПР, {@link ObjectivityFlags}), in the flavour of {@link GeneratorOptions}.
 *
 * <p>Everything is drawn from one {@link SplittableRandom} seeded with the seed alone, split
 * into independent streams (places, schools, risk, list, reasons, results, context,
 * staffing, survey, flags), so the same arguments give the same files, and the schools file
 * and lists depend only on the seed and the counts, whatever the flavour. Results are drawn school by school
 * from a stream split per year and school, and the flavour only decides how they are written,
 * so the aggregates are exactly the student-level file summed up. No clock, no hash-order
 * iteration; every file is streamed, a year's results are never held in memory.
 *
 * <p>How the lists behave (share on the list, stay rate, entries, returns) is described in
 * {@link ListDynamics}; where the risk comes from, in {@link LatentRisk}; how results follow
 * the list, in {@link ResultsSimulator}; the scales, in {@link Assessments}.
 */
public final class RegionGenerator {

    static final String SCHOOLS_FILE = "schools.csv";
    static final List<String> SCHOOLS_HEADER = InputTable.SCHOOLS.header(false);
    static final List<String> LIST_HEADER = InputTable.OFFICIAL_LIST.header(false);

    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    private final long seed;

    public RegionGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Writes the region's input files into outDir (created if missing) as UTF-8 CSV with
     * student-level results, and returns what it wrote.
     */
    public GeneratedRegion generate(int schools, int listYears, int lastListYear, Path outDir) throws IOException {
        return generate(schools, listYears, lastListYear, outDir, GeneratorOptions.DEFAULTS);
    }

    /** Writes the region's input files into outDir (created if missing) in the given flavour. */
    public GeneratedRegion generate(int schools, int listYears, int lastListYear, Path outDir, GeneratorOptions options)
            throws IOException {
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
        Objects.requireNonNull(options, "options");

        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom places = root.split();
        SplittableRandom schoolDraws = root.split();
        SplittableRandom riskDraws = root.split();
        SplittableRandom listDraws = root.split();
        SplittableRandom reasonDraws = root.split();
        // Split after the five above, so adding these changed none of the earlier files.
        SplittableRandom resultDraws = root.split();
        SplittableRandom contextDraws = root.split();
        SplittableRandom staffingDraws = root.split();
        // And these after those, so the survey and the flags changed none of the files before them.
        SplittableRandom surveyDraws = root.split();
        SplittableRandom flagDraws = root.split();
        // And the real region's shapes (a mostly small district, schools that open and close) after all of them.
        SplittableRandom shapeDraws = root.split();
        // And the management cycle's plans and roadmap last, so they changed none of the files before them.
        SplittableRandom cycleDraws = root.split();

        List<Municipality> municipalities = Municipalities.choose(Municipalities.countFor(schools), places);
        int[] perMunicipality = allocate(schools, municipalities, places);
        List<SyntheticSchool> region = new SchoolFactory(schoolDraws, schools).create(municipalities, perMunicipality);
        RegionShapes.smallDistrict(region, municipalities, perMunicipality, shapeDraws);
        int firstYear = lastListYear - listYears + 1;
        RegionShapes shapes = RegionShapes.lifecycle(region, firstYear - 1, lastListYear - 1, shapeDraws);
        double[] risk = LatentRisk.assign(region, municipalities.size(), riskDraws);
        boolean[][] on = new ListDynamics(risk, listDraws).simulate(listYears);
        shapes.maskLists(on, firstYear);
        double[] riskZ = standardisedLogits(risk);
        SchoolContexts contexts = new SchoolContexts(region, municipalities, riskZ, contextDraws);
        Staffing staffing = new Staffing(region, contexts, riskZ, staffingDraws);
        RiskSurvey survey = new RiskSurvey(region, riskZ, surveyDraws.split());
        ObjectivityFlags flags = new ObjectivityFlags(region, riskZ, flagDraws.split());

        Files.createDirectories(outDir);
        GeneratorOptions.Format format = options.format();
        List<Path> files = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (TableSink sink = TableSink.open(format, InputTable.SCHOOLS, null, outDir)) {
            writeSchools(sink, region, municipalities, shapes);
            count(sink, "schools", files, rows);
        }
        SortedMap<Integer, Integer> onByYear = new TreeMap<>();
        int scoreOnlyMunicipality = municipalities.size() > 1 ? 1 : 0;
        for (int y = 0; y < listYears; y++) {
            int year = firstYear + y;
            try (TableSink sink = TableSink.open(format, InputTable.OFFICIAL_LIST, year, outDir)) {
                onByYear.put(year, writeList(sink, year, region, on[y], reasonDraws));
                count(sink, "official_list", files, rows);
            }
        }
        for (int y = 0; y < listYears; y++) {
            int assessmentYear = firstYear + y - 1;
            SplittableRandom yearResults = resultDraws.split();
            SplittableRandom yearContext = contextDraws.split();
            SplittableRandom yearStaffing = staffingDraws.split();
            SplittableRandom yearSurvey = surveyDraws.split();
            SplittableRandom yearFlags = flagDraws.split();
            if (options.results() != GeneratorOptions.Results.NONE) {
                boolean students = options.results() == GeneratorOptions.Results.STUDENT;
                InputTable table = students ? InputTable.RESULTS : InputTable.RESULTS_AGGREGATE;
                try (TableSink sink = TableSink.open(format, table, assessmentYear, outDir)) {
                    ResultsWriter writer = new ResultsWriter(sink, assessmentYear, students);
                    ResultsSimulator simulator = new ResultsSimulator(new ResultsSimulator.ParticipantIds(seed, assessmentYear));
                    boolean zeroRowWritten = false;
                    for (int i = 0; i < region.size(); i++) {
                        SyntheticSchool school = region.get(i);
                        SplittableRandom draws = yearResults.split();
                        if (!shapes.open(i, assessmentYear)) {
                            continue;
                        }
                        boolean zeroRow = !zeroRowWritten && school.type() != SchoolType.PRIMARY;
                        zeroRowWritten |= zeroRow;
                        writer.school(school, school.municipality() == scoreOnlyMunicipality, zeroRow);
                        simulator.simulate(school, riskZ[i], on[y][i], draws, writer);
                        writer.endSchool();
                    }
                    writer.finish();
                    count(sink, students ? "results" : "results_agg", files, rows);
                }
            }
            java.util.Set<String> notOpen = shapes.notOpen(region, assessmentYear);
            try (TableSink sink = new OpenSchoolsSink(TableSink.open(format, InputTable.CONTEXT, assessmentYear, outDir),
                    notOpen)) {
                contexts.write(sink, assessmentYear, y, yearContext);
                count(sink, "context", files, rows);
            }
            try (TableSink sink = new OpenSchoolsSink(TableSink.open(format, InputTable.STAFFING, assessmentYear, outDir),
                    notOpen)) {
                staffing.write(sink, assessmentYear, on[y], yearStaffing);
                count(sink, "staffing", files, rows);
            }
            try (TableSink sink = new OpenSchoolsSink(TableSink.open(format, InputTable.RISK_SURVEY, assessmentYear, outDir),
                    notOpen)) {
                survey.write(sink, assessmentYear, yearSurvey);
                count(sink, "risk_survey", files, rows);
            }
            try (TableSink sink = TableSink.open(format, InputTable.OBJECTIVITY_FLAGS, assessmentYear, outDir)) {
                flags.write(sink, assessmentYear, on[y], notOpen, yearFlags);
                count(sink, "objectivity_flags", files, rows);
            }
        }
        // The returned plans of the last two list years (the earlier one judged by the results of its year) and the
        // roadmap of the last three assessment years.
        ManagementCycle cycle = new ManagementCycle(region, municipalities, riskZ);
        for (int y = Math.max(0, listYears - 2); y < listYears; y++) {
            int year = firstYear + y;
            SplittableRandom draws = cycleDraws.split();
            try (TableSink sink = TableSink.open(format, InputTable.MUNICIPAL_PLAN, year, outDir)) {
                cycle.writePlan(sink, year, on[y], shapes.notOpen(region, year - 1), draws);
                count(sink, "municipal_plan", files, rows);
            }
        }
        for (int y = Math.max(0, listYears - 3); y < listYears; y++) {
            int assessmentYear = firstYear + y - 1;
            SplittableRandom draws = cycleDraws.split();
            try (TableSink sink = new OpenSchoolsSink(TableSink.open(format, InputTable.ROADMAP, assessmentYear, outDir),
                    shapes.notOpen(region, assessmentYear))) {
                cycle.writeRoadmap(sink, assessmentYear, on[y], draws);
                count(sink, "roadmap", files, rows);
            }
        }
        if (options.results() == GeneratorOptions.Results.STUDENT) {
            writeMark2Bounds(outDir.resolve(MARK2_BOUNDS_FILE), firstYear - 1, lastListYear - 1);
        }
        return new GeneratedRegion(files, municipalities.size(), schools, onByYear, rows);
    }

    /**
     * The orientir.yml fragment with the mark-2 bounds the score-only ВПР rows need (student-level results only). A
     * dot-file: the ingest never reads it as input; point ORIENTIR_CONFIG at it, or copy its section.
     */
    public static final String MARK2_BOUNDS_FILE = ".mark2-bounds.yml";

    private static void writeMark2Bounds(Path file, int firstYear, int lastYear) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("# Границы отметки «2» (наибольший первичный балл с отметкой «2») для строк ВПР без отметки в\n")
                .append("# синтетическом регионе: укажите этот файл в ORIENTIR_CONFIG или перенесите раздел в orientir.yml.\n")
                .append("ingest:\n  mark2-bounds:\n");
        for (int year = firstYear; year <= lastYear; year++) {
            for (Assessment a : Assessments.all()) {
                if (ResultsWriter.scoreOnly(a)) {
                    yaml.append("    - {year: ").append(year).append(", procedure: ").append(a.procedure())
                            .append(", grade: ").append(a.grade()).append(", subject: ").append(a.subject())
                            .append(", max-score-for-2: ").append(ResultsWriter.maxScoreFor2(a)).append("}\n");
                }
            }
        }
        Files.writeString(file, yaml.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void count(TableSink sink, String kind, List<Path> files, Map<String, Long> rows) {
        files.add(sink.file());
        rows.merge(kind, sink.rows(), Long::sum);
    }

    /** The risk on the logit scale, standardised over the region (0 = a typical school). */
    private static double[] standardisedLogits(double[] risk) {
        double[] z = new double[risk.length];
        double sum = 0;
        for (int i = 0; i < risk.length; i++) {
            z[i] = StrictMath.log(risk[i] / (1 - risk[i]));
            sum += z[i];
        }
        double mean = sum / risk.length;
        double squares = 0;
        for (double v : z) {
            squares += (v - mean) * (v - mean);
        }
        double sd = risk.length > 1 ? StrictMath.sqrt(squares / (risk.length - 1)) : 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = sd > 0 ? (z[i] - mean) / sd : 0;
        }
        return z;
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

    private static void writeSchools(TableSink sink, List<SyntheticSchool> region, List<Municipality> municipalities,
            RegionShapes shapes) throws IOException {
        for (int i = 0; i < region.size(); i++) {
            SyntheticSchool school = region.get(i);
            sink.row(
                    school.id(),
                    school.name(),
                    municipalities.get(school.municipality()).name(),
                    school.settlement(),
                    school.urban() ? "городская" : "сельская",
                    school.type().label(),
                    school.small() ? "да" : "нет",
                    Integer.toString(school.students()),
                    shapes.opened(i),
                    shapes.closed(i));
        }
    }

    /** Writes one year's list in school-id order and returns how many schools are on it. */
    private static int writeList(TableSink sink, int year, List<SyntheticSchool> region, boolean[] on,
            SplittableRandom reasons) throws IOException {
        int listed = 0;
        String yearText = Integer.toString(year);
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                SyntheticSchool school = region.get(i);
                sink.row(yearText, school.id(), ListReasons.next(school.type(), reasons));
                listed++;
            }
        }
        return listed;
    }
}
