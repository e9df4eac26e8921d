package ru.orientir.jobs.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.PersistJobDataAfterExecution;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trigger of the schedule: one pipeline run. Never two at once — {@link DisallowConcurrentExecution} holds a
 * trigger that comes due during a run until the run ends, across every instance sharing a clustered job store. What
 * the held trigger then does is {@code schedule.overlap}: {@code wait} runs once now, {@code skip} records that it was
 * skipped. A trigger already covered by a run that started after it came due does nothing (several held triggers
 * make one run, not a queue). The previous run's start and end live in the job's data, which the job store keeps.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public final class PipelineRunJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(PipelineRunJob.class);
    static final String LAUNCHER = "orientir.launcher";
    static final String SETTINGS = "orientir.schedule";
    static final String LAST_STARTED = "lastStartedAt";
    static final String LAST_FINISHED = "lastFinishedAt";
    /** For the health check ({@link ScheduleHealth}): the due time of the last trigger handled, and how its run ended. */
    static final String LAST_DUE = "lastDueAt";
    static final String LAST_STATUS = "lastStatus";
    static final String LAST_ERROR = "lastError";
    /** Set on the one-off trigger that resumes an interrupted run when the scheduler starts. */
    static final String RESUME = "resume";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        RunLauncher launcher;
        ScheduleSettings settings;
        try {
            launcher = (RunLauncher) context.getScheduler().getContext().get(LAUNCHER);
            settings = (ScheduleSettings) context.getScheduler().getContext().get(SETTINGS);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        JobDataMap data = context.getJobDetail().getJobDataMap();
        long lastStarted = data.containsKey(LAST_STARTED) ? data.getLong(LAST_STARTED) : 0;
        long lastFinished = data.containsKey(LAST_FINISHED) ? data.getLong(LAST_FINISHED) : 0;
        Instant due = context.getScheduledFireTime().toInstant();
        long now = System.currentTimeMillis();
        try {
            if (Boolean.TRUE.equals(context.getTrigger().getJobDataMap().get(RESUME))) {
                if (!launcher.hasInterruptedRun()) {
                    log.info("Schedule: no interrupted run left to resume (another instance resumed it)");
                    return;
                }
                log.warn("Schedule: resuming the interrupted run now, at start");
            } else if (lastFinished > 0 && dueDuringRun(settings, lastStarted, lastFinished, now)) {
                String during = "запуск с " + Instant.ofEpochMilli(lastStarted) + " до " + Instant.ofEpochMilli(lastFinished);
                if (settings.overlap() == ScheduleSettings.Overlap.SKIP) {
                    log.warn("Schedule: the trigger due at {} came while a run was in progress ({} - {}); skipped "
                            + "(schedule.overlap: skip)", due, Instant.ofEpochMilli(lastStarted), Instant.ofEpochMilli(lastFinished));
                    launcher.skipped(due, "срабатывание пропущено: в это время шёл " + during + " (schedule.overlap: skip)");
                    return;
                }
                if (due.toEpochMilli() < lastStarted) {
                    log.info("Schedule: the trigger due at {} was covered by the run that started at {}", due,
                            Instant.ofEpochMilli(lastStarted));
                    return;
                }
                log.warn("Schedule: the trigger due at {} waited for the run in progress ({} - {}); starting now "
                        + "(schedule.overlap: wait)", due, Instant.ofEpochMilli(lastStarted), Instant.ofEpochMilli(lastFinished));
            }
            data.put(LAST_STARTED, now);
            log.info("Schedule: run starts (trigger due at {}, instance {})", due, context.getScheduler().getSchedulerInstanceId());
            launcher.run(due);
            launcher.lastOutcome().ifPresent(o -> recordOutcome(data, o.status(), o.error()));
        } catch (Exception e) {
            log.error("Schedule: the run for the trigger due at {} failed: {}", due, e.getMessage(), e);
            if (data.containsKey(LAST_STARTED) && data.getLong(LAST_STARTED) == now) {
                recordOutcome(data, "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        } finally {
            if (data.containsKey(LAST_STARTED) && data.getLong(LAST_STARTED) == now) {
                data.put(LAST_FINISHED, System.currentTimeMillis());
            }
            if (!data.containsKey(LAST_DUE) || data.getLong(LAST_DUE) < due.toEpochMilli()) {
                data.put(LAST_DUE, due.toEpochMilli());
            }
        }
    }

    private static void recordOutcome(JobDataMap data, String status, String error) {
        data.put(LAST_STATUS, status);
        if (error == null) {
            data.remove(LAST_ERROR);
        } else {
            data.put(LAST_ERROR, error.length() > 1000 ? error.substring(0, 1000) : error);
        }
    }

    /**
     * Whether this firing is one that came due while the previous run was going on: the first time the cron named after
     * that run started is before it ended, and nothing has come due since it ended. A trigger that misfired because
     * the scheduler was down (not because a run held it) came due after the last run ended: it runs.
     */
    static boolean dueDuringRun(ScheduleSettings settings, long lastStarted, long lastFinished, long now) {
        CronExpression cron;
        try {
            cron = new CronExpression(settings.cron());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(settings.zone()));
        Date firstDue = cron.getTimeAfter(new Date(lastStarted));
        if (firstDue == null || firstDue.getTime() > lastFinished) {
            return false;
        }
        Date nextAfterRun = cron.getTimeAfter(new Date(lastFinished));
        return nextAfterRun == null || nextAfterRun.getTime() > now;
    }
}
