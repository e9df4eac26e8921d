package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times the pipeline's steps in order; starting a step ends the previous one. */
final class StepTimer {
    private static final Logger log = LoggerFactory.getLogger(StepTimer.class);

    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private String current;
    private long startedNanos;

    void start(String step) {
        stop();
        current = step;
        startedNanos = System.nanoTime();
        log.info("Step {} started", step);
    }

    void stop() {
        if (current != null) {
            Duration d = Duration.ofNanos(System.nanoTime() - startedNanos);
            timings.put(current, d);
            log.info("Step {} took {} ms", current, d.toMillis());
            current = null;
        }
    }

    Map<String, Duration> timings() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
}
