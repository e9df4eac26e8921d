package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import org.apache.spark.sql.SparkSession;

/**
 * Ends a cluster application that has had no executor for too long. Spark retries a task whose executor is lost on
 * another executor, and so outlives one worker's death; but with every worker gone it waits for resources forever, and
 * the nightly run would hang. The watch counts the application's executors every few seconds; after {@code patience}
 * without any, it cancels every job, so the analytics step fails (and the run can resume) instead of waiting.
 */
final class ExecutorWatch {
    private static final long POLL_MILLIS = 2_000;

    private final IntSupplier executors;
    private final LongSupplier clock;
    private final Duration patience;
    private final Runnable cancel;
    private ScheduledExecutorService timer;
    private long noneSince = -1;
    private volatile boolean gaveUp;

    ExecutorWatch(IntSupplier executors, LongSupplier nanoClock, Duration patience, Runnable cancel) {
        this.executors = executors;
        this.clock = nanoClock;
        this.patience = patience;
        this.cancel = cancel;
    }

    /** Watches {@code session}'s executors (the driver aside) until {@link #stop()}. */
    static ExecutorWatch start(SparkSession session, Duration patience) {
        ExecutorWatch watch = new ExecutorWatch(
                () -> Math.max(0, session.sparkContext().statusTracker().getExecutorInfos().length - 1),
                System::nanoTime, patience, () -> session.sparkContext().cancelAllJobs());
        watch.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orientir-executor-watch");
            t.setDaemon(true);
            return t;
        });
        watch.timer.scheduleWithFixedDelay(watch::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** One look: cancels the jobs once there has been no executor for {@code patience}. */
    void check() {
        if (gaveUp) {
            return;
        }
        long now = clock.getAsLong();
        if (executors.getAsInt() > 0) {
            noneSince = -1;
            return;
        }
        if (noneSince < 0) {
            noneSince = now;
        } else if (now - noneSince >= patience.toNanos()) {
            gaveUp = true;
            cancel.run();
        }
    }

    boolean gaveUp() {
        return gaveUp;
    }

    Duration waited() {
        return patience;
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
