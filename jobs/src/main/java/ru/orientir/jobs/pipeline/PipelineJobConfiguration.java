package ru.orientir.jobs.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import ru.orientir.etl.analytics.AnalyticsFindings;
import ru.orientir.etl.analytics.results.UnrecognisedSubjects;
import ru.orientir.etl.ingest.FileIngestor;
import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.etl.ingest.batch.ChunkObserver;
import ru.orientir.dashboards.superset.SupersetSettings;
import ru.orientir.dashboards.superset.SupersetSync;
import ru.orientir.etl.ingest.batch.IngestJobConfiguration;
import ru.orientir.warehouse.MartFiles;

/**
 * The pipeline as a Spring Batch job, read top to bottom: ingest → snapshot → analytics → publish. One job instance
 * per run (the run id is its identifying parameter), so a run that died resumes at its first step not completed;
 * a completed step is never run again. Each step's work is retried per {@link PipelineSettings}.
 *
 * <p>The steps run outside any transaction on purpose: a step's work commits in the warehouse (and the ingest step's
 * file jobs commit chunk by chunk in the job repository) as it goes, never all at once when the step ends.
 */
final class PipelineJobConfiguration {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PipelineJobConfiguration.class);
    static final String JOB_NAME = "pipeline";
    static final List<String> STEPS = List.of("ingest", "snapshot", "analytics", "publish");

    private final RunContext run;
    private final PipelineSettings settings;
    private final BooleanSupplier stopRequested;
    private final Consumer<String> afterStep;
    // No transaction around a step at all: the file jobs the ingest step launches refuse to start inside one. Every
    // exception ends the attempt (by default a checked one would be swallowed and the tasklet called again).
    private static final DefaultTransactionAttribute NO_TRANSACTION =
            new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED) {
                @Override
                public boolean rollbackOn(Throwable ex) {
                    return true;
                }
            };

    PipelineJobConfiguration(RunContext run, PipelineSettings settings, BooleanSupplier stopRequested, Consumer<String> afterStep) {
        this.run = run;
        this.settings = settings;
        this.stopRequested = stopRequested;
        this.afterStep = afterStep;
    }

    Job job() {
        return new JobBuilder(JOB_NAME, run.batch().jobRepository())
                .start(step("ingest", PipelineJobConfiguration::ingest))
                .next(step("snapshot", PipelineJobConfiguration::snapshot))
                .next(step("analytics", PipelineJobConfiguration::analytics))
                .next(step("publish", PipelineJobConfiguration::publish))
                .build();
    }

    private Step step(String name, PipelineStep work) {
        return new StepBuilder(name, run.batch().jobRepository())
                .tasklet(new RetryingTasklet(name, work, run, settings, stopRequested, afterStep), run.batch().transactionManager())
                .transactionAttribute(NO_TRANSACTION)
                .build();
    }

    /** Files already loaded (same content) are skipped by hash; a file load cut short resumes from its last chunk. */
    static void ingest(RunContext run, RunState state) {
        List<LoadResult> loads = new FileIngestor(run.warehouse(), run.batch(),
                new IngestJobConfiguration(run.batch(), ChunkObserver.NONE, run.ingest()),
                run.runId()).ingest(run.inbox());
        state.loads(RunLoads.withEarlierAttempts(run, loads));
    }

    /**
     * Staging as Parquet, written by the warehouse's own writer; rewritten whole when the step is repeated. At the
     * run's location: the run folder, or shared storage the Spark cluster reads ({@link ClusterAnalytics}).
     */
    static void snapshot(RunContext run, RunState state) {
        ClusterAnalytics.snapshot(run);
    }

    /** Here ({@code local[*]}), on a cluster in client mode, or awaited from spark-submit: analytics.spark. */
    static void analytics(RunContext run, RunState state) {
        ClusterAnalytics.Outcome outcome = ClusterAnalytics.analytics(run, (step, took) -> log.info("аналитика, шаг {}: {} с",
                step, String.format(java.util.Locale.ROOT, "%.1f", took.toMillis() / 1000.0)));
        state.marts(outcome.marts());
        state.notes(notes(outcome.findings()));
    }

    /** The analytics' findings as the run summary prints them (docs/methodology.md, §1.5 and §2). */
    static List<String> notes(AnalyticsFindings findings) {
        List<String> notes = new java.util.ArrayList<>();
        if (!findings.ruleBUndecidedListYears().isEmpty()) {
            notes.add("списки " + findings.ruleBUndecidedListYears().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + " годов вычислены без правила (б): нет "
                    + "результатов за позапрошлый год, поэтому список может быть неполным (rule_b_undecided в list_membership)");
        }
        for (UnrecognisedSubjects.UnrecognisedSubject u : findings.unrecognisedSubjects()) {
            notes.add(u.reason() + " «" + u.subject() + "» (" + u.procedure() + "): школ " + u.schools() + ", строк "
                    + u.rows() + " — добавьте написание в analytics.subjects.synonyms или порог в orientir.yml");
        }
        if (findings.earlyWarning() != null) {
            notes.add(findings.earlyWarning() + " (витрины early_warning и early_warning_backtest)");
        }
        return notes;
    }

    /**
     * The marts swap in atomically. What follows a publication belongs here too, after the swap: syncing the Superset
     * dashboards and writing the analytical briefs — each idempotent, since a resumed run
     * repeats the whole step.
     */
    static void publish(RunContext run, RunState state) {
        List<MartFiles> marts = state.marts();
        run.warehouse().publish(run.runId(), marts);
        state.published(countRows(run, marts));
        // Dashboards follow the marts; a failed sync leaves the publication standing and makes the run partial (exit
        // code 3, the webhook, the reason in status), never a success.
        try {
            log.warn(syncDashboards(run));
            state.afterPublication(null);
        } catch (SQLException | RuntimeException e) {
            log.error("Дашборды Superset не обновлены: {}", e.getMessage(), e);
            state.afterPublication("витрины опубликованы, но дашборды Superset не обновлены: " + e.getMessage()
                    + " (исправьте настройки Superset и выполните bin/orientir dashboards sync)");
        }
    }

    /** Syncs Superset when SUPERSET_URL is configured; returns the line to log. */
    private static String syncDashboards(RunContext run) throws SQLException {
        Optional<SupersetSettings> superset = run.superset().settings();
        if (superset.isEmpty()) {
            return "Superset не настроен (SUPERSET_URL не задан): дашборды не обновлялись";
        }
        return new SupersetSync(superset.get(), run.warehouseSettings(), run.warehouse()).run()
                .summary(superset.get().url().toString());
    }

    private static Map<String, Long> countRows(RunContext run, List<MartFiles> marts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = run.warehouse().connection()) {
            for (MartFiles mart : marts) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + mart.table());
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(mart.table(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting published rows failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
