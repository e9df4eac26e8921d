package ru.orientir.etl.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import ru.orientir.etl.analytics.clusters.RiskZone;
import ru.orientir.etl.analytics.clusters.SupportClusters;
import ru.orientir.etl.analytics.isb.SocialWellbeingIndex;
import ru.orientir.etl.analytics.lists.ComputedList;
import ru.orientir.etl.analytics.lists.ListMembership;
import ru.orientir.etl.analytics.lists.ListTransitions;
import ru.orientir.etl.analytics.markers.Markers;
import ru.orientir.etl.analytics.objectivity.ObjectivitySignals;
import ru.orientir.etl.analytics.plan.PlanMarts;
import ru.orientir.etl.analytics.regions.Regions;
import ru.orientir.etl.analytics.resilience.Resilience;
import ru.orientir.etl.analytics.results.ProcedureResults;
import ru.orientir.etl.analytics.results.UnrecognisedSubjects;
import ru.orientir.etl.analytics.risks.RiskProfile;
import ru.orientir.etl.analytics.schools.SchoolYears;
import ru.orientir.etl.analytics.warning.EarlyWarning;
import ru.orientir.etl.analytics.warning.WarningFeatures;
import ru.orientir.etl.analytics.warning.WarningMarts;
import ru.orientir.warehouse.MartFiles;
import ru.orientir.warehouse.Snapshot;

/**
 * Reads a staging snapshot (Parquet written by the warehouse), computes the marts of docs/methodology.md §1–9 and writes each as
 * Parquet with the run id on every row. Spark never connects to the warehouse: the hand-off is files both sides read
 * and write natively. Steps, in order (each timed for {@link #onStep}): markers, unrecognised_subjects,
 * list_membership, list_agreement, isb, school_status, list_transitions, objectivity, resilience, risk_profile,
 * early_warning, measure_effects.
 * {@link #findings()} then holds what the run summary prints beside the marts.
 */
public final class AnalyticsJob {
    private final SparkSession spark;
    /** The installation's settings, with the regions' own ({@link AnalyticsSettings#regions()}). */
    private final AnalyticsSettings configured;
    /** The settings of the regions being computed (all of them, or one group of regions that share settings). */
    private AnalyticsSettings settings;
    /** The regions being computed, or null for every region of the snapshot. */
    private List<String> onlyRegions;
    /** The schools and municipalities of {@link #onlyRegions} (null with it). */
    private Dataset<Row> groupSchools;
    private Dataset<Row> groupMunicipalities;
    private BiConsumer<String, Duration> stepListener = (step, took) -> { };
    private AnalyticsFindings findings = AnalyticsFindings.none();
    /** school_id → region of the run under way (docs/methodology.md §0). */
    private Dataset<Row> regions;

    public AnalyticsJob(SparkSession spark) {
        this(spark, AnalyticsSettings.defaults());
    }

    public AnalyticsJob(SparkSession spark, AnalyticsSettings settings) {
        this.spark = spark;
        // names made canonical once: every rule then compares procedure and subject names with plain equality
        this.configured = settings.validated().canonical();
        this.settings = configured.withRegions(Map.of());
    }

    /** What the last {@link #run} found beside the marts: unrecognised subjects, list years without rule (b). */
    public AnalyticsFindings findings() {
        return findings;
    }

    /** Called after each step with its name and wall time. */
    public AnalyticsJob onStep(BiConsumer<String, Duration> listener) {
        this.stepListener = listener;
        return this;
    }

    /** {@link #run(String, String, String)} over local folders. */
    public List<MartFiles> run(String runId, Path snapshot, Path martsDir) {
        return run(runId, Storage.of(snapshot), Storage.of(martsDir));
    }

    /**
     * Reads the snapshot at {@code snapshot} and writes the marts under {@code martsDir}: locations as URIs
     * ({@link Storage}), local or shared. A mart's {@link MartFiles} lists its Parquet files when the marts are on a
     * local disk ({@code file:}), and none elsewhere: the caller then lists them where it copies them to.
     */
    public List<MartFiles> run(String runId, String snapshot, String martsDir) {
        ExecutionMode.apply(spark, snapshot);
        settings = configured.withRegions(Map.of());
        if (configured.regions().isEmpty()) {
            return runRegions(runId, snapshot, martsDir);
        }
        Map<AnalyticsSettings, List<String>> groups = new java.util.LinkedHashMap<>();
        Dataset<Row> allSchools = Regions.normalise(spark.read().parquet(Storage.resolve(snapshot,
                Snapshot.fileName("schools"))));
        for (Row r : allSchools.select(col(Regions.COLUMN)).distinct().orderBy(col(Regions.COLUMN)).collectAsList()) {
            groups.computeIfAbsent(configured.forRegion(r.getString(0)), s -> new ArrayList<>()).add(r.getString(0));
        }
        if (groups.size() <= 1) {
            settings = groups.isEmpty() ? settings : groups.keySet().iterator().next();
            return runRegions(runId, snapshot, martsDir);
        }
        // each pass writes its marts under _regions/group-N; each mart is then the union of the passes' rows
        Map<String, List<String>> dirs = new java.util.LinkedHashMap<>();
        List<AnalyticsFindings> found = new ArrayList<>();
        int group = 0;
        try {
            for (Map.Entry<AnalyticsSettings, List<String>> g : groups.entrySet()) {
                settings = g.getKey();
                onlyRegions = g.getValue();
                Dataset<Row> schools = allSchools.filter(col(Regions.COLUMN).isin(onlyRegions.toArray()));
                groupSchools = schools.select(col("school_id")).distinct().cache();
                groupMunicipalities = schools.select(col("municipality")).distinct().cache();
                String passDir = Storage.resolve(Storage.resolve(martsDir, "_regions"), "group-" + group++);
                for (MartFiles mart : runRegions(runId, snapshot, passDir)) {
                    dirs.computeIfAbsent(mart.table(), t -> new ArrayList<>()).add(Storage.resolve(passDir, mart.table()));
                }
                found.add(findings);
                groupSchools.unpersist();
                groupMunicipalities.unpersist();
            }
        } finally {
            onlyRegions = null;
            groupSchools = null;
            groupMunicipalities = null;
        }
        findings = AnalyticsFindings.merge(found);
        List<MartFiles> written = new ArrayList<>();
        dirs.forEach((table, passes) -> {
            String dir = Storage.resolve(martsDir, table);
            write(spark.read().parquet(passes.toArray(String[]::new)), dir);
            written.add(martFiles(table, dir, spark));
        });
        return written;
    }

    /** Every mart of the regions {@link #onlyRegions} names (all when null) with {@link #settings}. */
    private List<MartFiles> runRegions(String runId, String snapshot, String martsDir) {
        Dataset<Row> schools = Regions.normalise(read(snapshot, "schools"));
        regions = Regions.of(schools).cache();
        Dataset<Row> schoolYears = readSupplement(snapshot, "school_years");
        Dataset<Row> officialList = read(snapshot, "official_list");
        List<MartFiles> written = new ArrayList<>();
        String work = Storage.resolve(martsDir, "_work");

        // §1. The heavy step: every result row is read once here; everything after reads the markers.
        Dataset<Row> markers = step("markers", () -> {
            Dataset<Row> results = ProcedureResults.of(read(snapshot, "exam_results"), read(snapshot, "exam_aggregates"),
                    settings.markers(), settings.subjectNames());
            MartFiles mart = mart(runId, "school_year_markers", Markers.of(results, settings.markers()), martsDir, false,
                    "year", "school_id", "procedure", "grade", "subject", "participants", "mark2", "below_min",
                    "share_mark2", "share_below_min", "threshold", "marker", "mean_result", "note", "source");
            written.add(mart);
            return Regions.attach(Markers.withDerived(spark.read().parquet(Storage.resolve(martsDir, mart.table())),
                    settings.markers()), regions);
        });
        // each region's assessment years: its list years are its own
        Dataset<Row> resultYears = markers.select(col("region"), col("year")).distinct().cache();

        // §1.5. Subjects no rule recognises, by spelling, for the data-quality dashboard and the run summary.
        UnrecognisedSubjects.Found unrecognised = step("unrecognised_subjects", () -> {
            UnrecognisedSubjects.Found found = UnrecognisedSubjects.find(withRegion(read(snapshot, "exam_results")),
                    withRegion(read(snapshot, "exam_aggregates")), markers, settings);
            written.add(mart(runId, "unrecognised_subjects", found.bySpelling(), martsDir, "year", "procedure",
                    "subject_as_written", "subject", "schools", "file_rows", "reason"));
            return found;
        });

        // §2–3. Membership: official where published, computed otherwise; the agreement where both exist.
        Dataset<Row> membership = step("list_membership", () -> {
            Dataset<Row> evidence = ComputedList.evidence(markers, settings.list());
            write(ListMembership.of(schools, officialList, evidence, resultYears), Storage.resolve(work, "membership"));
            Dataset<Row> m = spark.read().parquet(Storage.resolve(work, "membership"));
            written.add(mart(runId, "list_membership", m, martsDir, "list_year", "school_id", "on_list", "source",
                    "reasons", "rule", "procedures", "severity", "results_year", "rule_b_undecided", "severity_note"));
            return m;
        });
        List<Integer> ruleBUndecided = membership.filter(col("rule_b_undecided").and(col("source").equalTo(ListMembership.COMPUTED)))
                .select(col("list_year")).distinct().orderBy(col("list_year")).as(org.apache.spark.sql.Encoders.INT())
                .collectAsList();
        findings = new AnalyticsFindings(unrecognised.summary(), List.copyOf(ruleBUndecided));
        step("list_agreement", () -> written.add(mart(runId, "list_agreement",
                ListMembership.agreement(membership, resultYears), martsDir, "list_year", "school_id", "official", "computed")));

        // §6. ИСБ and ШНСУ, and the programme group ШНОР ∩ ШНСУ (needs the markers and the membership).
        Dataset<Row> isb = step("isb", () -> {
            write(SocialWellbeingIndex.withProgrammeGroup(
                    SocialWellbeingIndex.of(withRegion(read(snapshot, "school_context")), settings.isb()), markers,
                    membership),
                    Storage.resolve(work, "isb"));
            Dataset<Row> i = spark.read().parquet(Storage.resolve(work, "isb"));
            written.add(mart(runId, "isb", i, martsDir, "year", "school_id", "isb", "indicators_used", "indicators", "shnsu",
                    "shnor_shnsu"));
            return i;
        });

        // §3–4. Transitions and clusters (cluster 4 from the results of the year before each list year). Each list
        // year carries the school's name and municipality of that year (§3.5), so the municipal counts follow it.
        Dataset<Row> status = step("school_status", () -> {
            Dataset<Row> years = ListTransitions.schoolHistory(membership);
            Dataset<Row> history = years.join(SchoolYears.of(schools, schoolYears, years, "list_year"),
                    new String[] {"school_id", "list_year"});
            Dataset<Row> clustered = SupportClusters.assign(history,
                    RiskZone.of(markers, settings.clusters(), settings.mandatory()))
                    .join(isb.select(col("year").plus(1).cast("int").as("list_year"), col("school_id"), col("shnor_shnsu")),
                            new String[] {"list_year", "school_id"}, "left");
            write(clustered, Storage.resolve(work, "status"));
            Dataset<Row> s = spark.read().parquet(Storage.resolve(work, "status"));
            written.add(mart(runId, "school_status", s, martsDir, "list_year", "school_id", "school_name", "municipality",
                    "on_list", "status", "consecutive_years", "total_years", "cluster", "cluster_name", "cluster_reason",
                    "no_data_reason", "shnor_shnsu"));
            return s;
        });
        step("list_transitions", () -> written.add(mart(runId, "list_transitions", ListTransitions.counts(status), martsDir,
                "level", "list_year", "municipality", "schools", "on_list", "entered", "first_time", "returning", "stayed",
                "left", "share_on_list", "no_data")));

        // §5. Objectivity signals.
        step("objectivity", () -> written.add(mart(runId, "objectivity",
                ObjectivitySignals.of(read(snapshot, "objectivity_flags"), officialList, markers, settings.objectivity()),
                martsDir, "year", "school_id", "signal", "reason")));

        // §7. Resilience against ИСБ.
        step("resilience", () -> written.add(mart(runId, "resilience",
                Resilience.of(Resilience.resultIndex(markers, settings.mandatory()), isb, membership, settings.resilience()),
                martsDir, "year", "school_id", "isb", "result_index", "residual", "std_residual", "better_than_expected",
                "resilient", "training_site", "training_site_reason")));

        // §8. Context risk profile beside the survey profile.
        step("risk_profile", () -> written.add(mart(runId, "risk_profile",
                RiskProfile.of(schools, read(snapshot, "school_context"), read(snapshot, "staffing"),
                        read(snapshot, "risk_survey"), settings.risks()),
                martsDir, "year", "school_id", "risk", "level", "source", "evidence")));

        // §9. Early warning: who enters the list next year, checked on the region's own past years.
        step("early_warning", () -> {
            List<WarningFeatures.SchoolYear> known = WarningFeatures.collect(membership, status, markers, isb,
                    readMart(martsDir, "risk_profile"), read(snapshot, "staffing"), readMart(martsDir, "objectivity"),
                    settings.clusters(), settings.mandatory());
            // each region's model is fitted and checked on the region's own past years
            Map<String, String> regionOf = new HashMap<>();
            for (Row r : regions.collectAsList()) {
                regionOf.put(r.getString(0), r.getString(1));
            }
            Map<String, List<WarningFeatures.SchoolYear>> byRegion = new TreeMap<>();
            for (WarningFeatures.SchoolYear s : known) {
                byRegion.computeIfAbsent(regionOf.getOrDefault(s.schoolId(), Regions.ONE_REGION), r -> new ArrayList<>())
                        .add(s);
            }
            if (byRegion.isEmpty()) {
                byRegion.put(Regions.ONE_REGION, List.of());
            }
            Map<String, EarlyWarning.Result> forecasts = new TreeMap<>();
            byRegion.forEach((region, rows) -> forecasts.put(region, new EarlyWarning(settings.earlyWarning()).run(rows)));
            written.addAll(WarningMarts.write(spark, forecasts, (table, rows) -> mart(runId, table, rows, martsDir,
                    WarningMarts.columns(table))));
            boolean named = forecasts.size() > 1 || onlyRegions != null;
            findings = findings.withEarlyWarning(forecasts.entrySet().stream()
                    .map(e -> (named && !e.getKey().isEmpty() ? "регион " + e.getKey() + ": " : "") + e.getValue().verdict())
                    .collect(java.util.stream.Collectors.joining("; ")));
        });

        // §13.5. The returned plans' measures against comparable schools the next year (empty without a plan).
        step("measure_effects", () -> written.add(mart(runId, PlanMarts.TABLE, PlanMarts.effects(spark,
                readSupplement(snapshot, "municipal_plan"), status, markers, isb), martsDir, PlanMarts.columns())));

        resultYears.unpersist();
        regions.unpersist();
        return written;
    }

    private <T> T step(String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        stepListener.accept(name, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    private Dataset<Row> withRegion(Dataset<Row> rows) {
        return Regions.attach(rows, regions);
    }

    private Dataset<Row> readMart(String martsDir, String table) {
        return spark.read().parquet(Storage.resolve(martsDir, table));
    }

    private Dataset<Row> read(String snapshot, String source) {
        return inGroup(spark.read().parquet(Storage.resolve(snapshot, Snapshot.fileName(source))));
    }

    /** rows of the regions being computed: by the school, else by the municipality (plans name no school id). */
    private Dataset<Row> inGroup(Dataset<Row> rows) {
        if (onlyRegions == null) {
            return rows;
        }
        List<String> columns = Arrays.asList(rows.columns());
        if (columns.contains("school_id")) {
            return rows.join(org.apache.spark.sql.functions.broadcast(groupSchools), new String[] {"school_id"}, "left_semi");
        }
        if (columns.contains("municipality")) {
            return rows.join(org.apache.spark.sql.functions.broadcast(groupMunicipalities), new String[] {"municipality"},
                    "left_semi");
        }
        return rows;
    }

    /** A snapshot supplement ({@link Snapshot#SUPPLEMENTS}), or null when this snapshot was written without it. */
    private Dataset<Row> readSupplement(String snapshot, String source) {
        return storage(spark).exists(Storage.resolve(snapshot, Snapshot.fileName(source))) ? read(snapshot, source) : null;
    }

    private static void write(Dataset<Row> rows, String dir) {
        rows.write().mode(SaveMode.Overwrite).parquet(dir);
    }

    /** The mart's columns in the table's order, run id first, as one Parquet file per mart. */
    private MartFiles mart(String runId, String table, Dataset<Row> rows, String martsDir, String... columns) {
        return mart(runId, table, rows, martsDir, true, columns);
    }

    /**
     * single: one file (small marts); otherwise as many files as Spark's tasks write (no single-threaded tail).
     * Every mart ends with its rows' region: the rule's own where it computed one, else its school's.
     */
    private MartFiles mart(String runId, String table, Dataset<Row> rows, String martsDir, boolean single,
                           String... columns) {
        List<Column> select = new ArrayList<>();
        select.add(lit(runId).as("run_id"));
        for (String c : columns) {
            select.add(col(c));
        }
        if (!Arrays.asList(columns).contains(Regions.COLUMN)) {
            select.add(col(Regions.COLUMN));
        }
        String dir = Storage.resolve(martsDir, table);
        Dataset<Row> out = withRegion(rows).select(select.toArray(Column[]::new));
        (single ? out.coalesce(1) : out).write().mode(SaveMode.Overwrite).parquet(dir);
        return martFiles(table, dir, rows.sparkSession());
    }

    /** The mart's Parquet files where the marts are on a local disk; none elsewhere (the caller lists them). */
    private static MartFiles martFiles(String table, String dir, SparkSession spark) {
        return new MartFiles(table, Storage.localPath(dir).isEmpty() ? List.of()
                : storage(spark).parquetParts(dir).stream().map(f -> Path.of(java.net.URI.create(f))).toList());
    }

    private static Storage storage(SparkSession spark) {
        return new Storage(spark.sparkContext().hadoopConfiguration());
    }
}
