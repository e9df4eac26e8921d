package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The cluster application without executors is ended after exactly its patience, and only then. */
class ExecutorWatchTest {
    private final AtomicInteger executors = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final ExecutorWatch watch = new ExecutorWatch(executors::get, now::get, Duration.ofMinutes(10),
            cancelled::incrementAndGet);

    @Test
    void noExecutorForItsPatienceCancelsTheJobsOnce() {
        executors.set(2);
        watch.check();
        executors.set(0); // both workers lost
        at(Duration.ofMinutes(1));
        at(Duration.ofMinutes(11).minusNanos(1));
        assertFalse(watch.gaveUp(), "a nanosecond short of ten minutes without an executor");
        assertEquals(0, cancelled.get());
        at(Duration.ofMinutes(11));
        assertTrue(watch.gaveUp(), "ten minutes without an executor");
        at(Duration.ofMinutes(12));
        assertEquals(1, cancelled.get(), "the jobs are cancelled once");
    }

    @Test
    void anExecutorComingBackStartsTheWaitAnew() {
        executors.set(0);
        at(Duration.ZERO);
        at(Duration.ofMinutes(9));
        executors.set(1); // a worker restarted
        at(Duration.ofMinutes(9).plusSeconds(2));
        executors.set(0);
        at(Duration.ofMinutes(10));
        at(Duration.ofMinutes(19));
        assertFalse(watch.gaveUp(), "nine minutes since the last executor left");
        at(Duration.ofMinutes(20));
        assertTrue(watch.gaveUp());
        assertEquals(1, cancelled.get());
    }

    private void at(Duration t) {
        now.set(t.toNanos());
        watch.check();
    }
}
