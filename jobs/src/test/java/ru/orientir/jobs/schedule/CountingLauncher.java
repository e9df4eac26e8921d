package ru.orientir.jobs.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the pipeline: each run takes {@code runMillis}; it counts runs, overlaps and skipped triggers. */
class CountingLauncher implements RunLauncher {
    final List<Instant> runs = new CopyOnWriteArrayList<>();
    final List<Instant> skipped = new CopyOnWriteArrayList<>();
    final List<Instant> dueTimes = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    private final long runMillis;

    CountingLauncher(long runMillis) {
        this.runMillis = runMillis;
    }

    @Override
    public void run(Instant due) throws Exception {
        int now = running.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        runs.add(Instant.now());
        dueTimes.add(due);
        try {
            Thread.sleep(runMillis);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void skipped(Instant due, String reason) {
        skipped.add(due);
    }

    @Override
    public boolean hasInterruptedRun() {
        return false;
    }

    @Override
    public Optional<Instant> lastScheduledRun() {
        return Optional.empty();
    }
}
