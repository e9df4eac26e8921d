package ru.orientir.jobs.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Whether the schedule does its work, for the container's health check: unhealthy when the last scheduled run failed
 * (or ended {@code partial}: published, but some file or the dashboards sync failed), or when a run that came due
 * more than {@link #GRACE} ago never started (missed: the trigger did not fire, or fired and did nothing). A run in
 * progress is not missed. The scheduler writes the verdict into its heartbeat file every 15 s ({@link #heartbeat});
 * the health check reads the {@code health=} line, so a dead heartbeat thread (a stale file) is unhealthy too.
 */
public final class ScheduleHealth {
    /** How long after its due time a run may not have started before it counts as missed. */
    static final Duration GRACE = Duration.ofMinutes(10);

    /** How the last run ended: its status in the run history and its error (null when none). */
    public record Outcome(String status, String error) {
    }

    /** The verdict: healthy or not, and one line saying why (Russian, what to do). */
    public record Verdict(boolean healthy, String reason) {
    }

    /**
     * What the schedule has done so far.
     *
     * @param since      when this scheduler started: a night due before it was caught up at start or is not judged
     * @param lastDue    the due time of the last trigger the schedule handled (ran, resumed, skipped, covered), or null
     * @param last       how the last scheduled run ended, or null when none ended yet
     * @param lastEnded  when it ended, or null
     * @param running    whether a run is in progress (here or, with a clustered store, on another instance)
     */
    public record State(Instant since, Instant lastDue, Outcome last, Instant lastEnded, boolean running) {
    }

    private ScheduleHealth() {
    }

    public static Verdict judge(ScheduleSettings settings, State state, Instant now) {
        if (state.last() != null && ("failed".equals(state.last().status()) || "partial".equals(state.last().status()))) {
            String ended = state.lastEnded() == null ? "" : " (" + state.lastEnded() + ")";
            return new Verdict(false, "последний запуск по расписанию" + ended + " завершился со статусом "
                    + state.last().status() + (state.last().error() == null ? "" : ": " + oneLine(state.last().error()))
                    + ". Посмотрите bin/orientir status и журнал контейнера, устраните причину и запустите "
                    + "bin/orientir run (или дождитесь следующего запуска)");
        }
        if (!state.running()) {
            Instant from = state.lastDue() != null && state.lastDue().isAfter(state.since()) ? state.lastDue() : state.since();
            Instant due = nextDue(settings, from);
            if (due != null && !due.plus(GRACE).isAfter(now)) {
                return new Verdict(false, "запуск по расписанию на " + due + " не состоялся (расписание «"
                        + settings.cron() + "», " + settings.zone() + "). Посмотрите журнал контейнера и "
                        + "bin/orientir status; запустите bin/orientir run вручную");
            }
        }
        String last = state.last() == null ? "запусков по расписанию ещё не было"
                : "последний запуск: " + state.last().status() + (state.lastEnded() == null ? "" : ", " + state.lastEnded());
        return new Verdict(true, (state.running() ? "идёт запуск; " : "") + last);
    }

    /** The heartbeat file: the time first, then {@code health=ok|unhealthy} and the reason. */
    public static String heartbeat(Instant now, Verdict verdict) {
        return now + "\n" + "health=" + (verdict.healthy() ? "ok" : "unhealthy") + "\n" + verdict.reason() + "\n";
    }

    private static Instant nextDue(ScheduleSettings settings, Instant after) {
        CronExpression cron;
        try {
            cron = new CronExpression(settings.cron());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(settings.zone()));
        Date next = cron.getTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    private static String oneLine(String s) {
        String line = s.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
