package ru.orientir.jobs.schedule;

import java.time.Instant;
import java.util.Optional;

/** What the schedule starts: one pipeline run per trigger; and where it records a trigger it skipped. */
public interface RunLauncher {

    /** Runs the pipeline once for the trigger due at {@code due}; returns normally whatever the run's outcome (the run records and reports it). */
    void run(Instant due) throws Exception;

    /** A trigger that came due while a run was in progress and, with {@code schedule.overlap: skip}, did nothing. */
    void skipped(Instant due, String reason) throws Exception;

    /** Whether a run that did not end (killed, stopped) waits to be resumed. */
    boolean hasInterruptedRun() throws Exception;

    /** When the schedule last started a run (from the run history), for catching up after downtime. */
    Optional<Instant> lastScheduledRun() throws Exception;

    /** How the last run this launcher started ended, for the health check ({@link ScheduleHealth}); empty when unknown. */
    default Optional<ScheduleHealth.Outcome> lastOutcome() {
        return Optional.empty();
    }
}
