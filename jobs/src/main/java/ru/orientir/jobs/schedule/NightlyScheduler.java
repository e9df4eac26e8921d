package ru.orientir.jobs.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz scheduler behind {@code bin/orientir schedule}: one durable job (a pipeline run, {@link PipelineRunJob})
 * and one cron trigger in the configured time zone whose misfire policy is "fire once now" — after downtime the
 * missed night runs once at start, not once per missed night. The job store is in memory, or PostgreSQL (JobStoreTX,
 * clustered) so that any number of instances share the schedule and each trigger runs the pipeline once.
 */
public final class NightlyScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);
    static final JobKey JOB = JobKey.jobKey("pipeline", "orientir");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly", "orientir");

    private final Scheduler scheduler;
    private final ScheduleSettings settings;
    private final Path heartbeat;
    private volatile Instant startedAt = Instant.now();
    private volatile String lastUnhealthy;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orientir-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param name      the scheduler's name: instances sharing a JDBC job store must use the same one
     * @param heartbeat a file rewritten every 15 s while the scheduler runs, with the schedule's health
     *                  ({@link ScheduleHealth}: the container health check reads it), or null
     */
    public NightlyScheduler(ScheduleSettings settings, RunLauncher launcher, String name, Path heartbeat) {
        this(settings, launcher, name, heartbeat, 7_500);
    }

    NightlyScheduler(ScheduleSettings settings, RunLauncher launcher, String name, Path heartbeat, long clusterCheckinMillis) {
        this.settings = settings;
        this.heartbeat = heartbeat;
        if (settings.jdbcStore()) {
            QuartzTables.createIfMissing(settings);
        }
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(properties(settings, name, clusterCheckinMillis));
            this.scheduler = factory.getScheduler();
            scheduler.getContext().put(PipelineRunJob.LAUNCHER, launcher);
            scheduler.getContext().put(PipelineRunJob.SETTINGS, settings);
            schedule(launcher);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    static Properties properties(ScheduleSettings settings, String name, long clusterCheckinMillis) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        if (!settings.jdbcStore()) {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.instanceId", "NON_CLUSTERED");
            return p;
        }
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(clusterCheckinMillis));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.dataSource", "orientir");
        p.setProperty("org.quartz.dataSource.orientir.connectionProvider.class", JdbcConnectionProvider.class.getName());
        p.setProperty("org.quartz.dataSource.orientir.url", settings.storeUrl());
        if (settings.storeUser() != null) {
            p.setProperty("org.quartz.dataSource.orientir.user", settings.storeUser());
        }
        if (settings.storePassword() != null) {
            p.setProperty("org.quartz.dataSource.orientir.password", settings.storePassword());
        }
        return p;
    }

    /**
     * Adds the job and its trigger unless the store already has them with this cron and zone (a JDBC store keeps a
     * trigger's misfire across restarts). A new trigger starts at the last scheduled run, so a night missed while no
     * instance ran is a misfire too, and runs once now.
     */
    private void schedule(RunLauncher launcher) throws SchedulerException {
        Trigger existing = scheduler.getTrigger(TRIGGER);
        if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(settings.cron())
                && cron.getTimeZone().toZoneId().equals(settings.zone())) {
            log.info("Schedule: keeping the stored trigger ({} {}), next fire {}", settings.cron(), settings.zone(),
                    existing.getNextFireTime());
            return;
        }
        JobDetail job = JobBuilder.newJob(PipelineRunJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Orientir pipeline run").build();
        Date startAt = new Date();
        try {
            Optional<Instant> last = launcher.lastScheduledRun();
            if (last.isPresent() && last.get().isBefore(startAt.toInstant())) {
                startAt = Date.from(last.get().plusSeconds(1));
            }
        } catch (Exception e) {
            log.warn("Schedule: the run history could not be read ({}); a night missed before this start is not caught up",
                    e.getMessage());
        }
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startAt(startAt)
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.cron())
                        .inTimeZone(TimeZone.getTimeZone(settings.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.addJob(job, true, true);
        if (existing != null) {
            scheduler.rescheduleJob(TRIGGER, trigger);
        } else {
            try {
                scheduler.scheduleJob(trigger);
            } catch (org.quartz.ObjectAlreadyExistsException e) {
                // another instance of the cluster scheduled it at the same moment
                log.info("Schedule: the trigger was added by another instance");
            }
        }
    }

    public void start() {
        startedAt = Instant.now();
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
        resumeInterruptedRun();
        if (heartbeat != null) {
            beat.scheduleAtFixedRate(this::touchHeartbeat, 0, 15, TimeUnit.SECONDS);
        }
        log.warn("Schedule started: cron «{}» in {}, overlap {}, inbox {}, job store {}; next run {}", settings.cron(),
                settings.zone(), settings.overlap().code(), settings.inbox(),
                settings.jdbcStore() ? "PostgreSQL (clustered, instance " + instanceId() + ")" : "in memory", nextFireTime());
    }

    /** A run killed or stopped earlier is resumed now, not at the next trigger (a one-off trigger, same job). */
    private void resumeInterruptedRun() {
        try {
            RunLauncher launcher = (RunLauncher) scheduler.getContext().get(PipelineRunJob.LAUNCHER);
            if (launcher.hasInterruptedRun()) {
                log.warn("Schedule: an interrupted run waits in the job repository; resuming it now");
                JobDataMap data = new JobDataMap();
                data.put(PipelineRunJob.RESUME, true);
                scheduler.triggerJob(JOB, data);
            }
        } catch (Exception e) {
            log.warn("Schedule: could not check for an interrupted run ({}); the next trigger resumes it", e.getMessage());
        }
    }

    public Date nextFireTime() {
        try {
            Trigger t = scheduler.getTrigger(TRIGGER);
            return t == null ? null : t.getNextFireTime();
        } catch (SchedulerException e) {
            return null;
        }
    }

    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }

    /** Whether a pipeline run is executing in this instance. */
    public boolean running() {
        try {
            return !scheduler.getCurrentlyExecutingJobs().isEmpty();
        } catch (SchedulerException e) {
            return false;
        }
    }

    Scheduler quartz() {
        return scheduler;
    }

    /** The schedule's health now, from the job's data in the store (shared by a cluster) and the running runs. */
    public ScheduleHealth.Verdict health() {
        try {
            JobDataMap data = scheduler.getJobDetail(JOB).getJobDataMap();
            boolean running = running() || scheduler.getTriggerState(TRIGGER) == Trigger.TriggerState.BLOCKED;
            ScheduleHealth.Outcome last = data.containsKey(PipelineRunJob.LAST_STATUS)
                    ? new ScheduleHealth.Outcome(data.getString(PipelineRunJob.LAST_STATUS),
                    data.containsKey(PipelineRunJob.LAST_ERROR) ? data.getString(PipelineRunJob.LAST_ERROR) : null)
                    : null;
            ScheduleHealth.State state = new ScheduleHealth.State(startedAt, instant(data, PipelineRunJob.LAST_DUE), last,
                    instant(data, PipelineRunJob.LAST_FINISHED), running);
            return ScheduleHealth.judge(settings, state, Instant.now());
        } catch (SchedulerException | RuntimeException e) {
            return new ScheduleHealth.Verdict(false, "состояние расписания не читается (" + e.getMessage()
                    + "): проверьте хранилище Quartz и журнал контейнера");
        }
    }

    private static Instant instant(JobDataMap data, String key) {
        return data.containsKey(key) ? Instant.ofEpochMilli(data.getLong(key)) : null;
    }

    private void touchHeartbeat() {
        try {
            Files.createDirectories(heartbeat.getParent());
            ScheduleHealth.Verdict verdict = health();
            String unhealthy = verdict.healthy() ? null : verdict.reason();
            if (unhealthy != null && !unhealthy.equals(lastUnhealthy)) {
                log.warn("Schedule: unhealthy: {}", unhealthy);
            }
            lastUnhealthy = unhealthy;
            // written whole to a temporary file and moved, so the health check never reads half a file
            Path tmp = heartbeat.resolveSibling(heartbeat.getFileName() + ".tmp");
            Files.writeString(tmp, ScheduleHealth.heartbeat(Instant.now(), verdict));
            Files.move(tmp, heartbeat, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot write the heartbeat file {}: {}", heartbeat, e.getMessage());
        }
    }

    /** Stops firing triggers and waits for a run in progress to return (the caller asks the pipeline to stop first). */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz shutdown: {}", e.getMessage());
        }
    }
}
