package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.time.Instant;

/** One attempt of one pipeline step: when it ran, and how it ended ({@code completed}, {@code failed}, {@code stopped}). */
public record StepAttempt(String step, int attempt, long startedAtMillis, long finishedAtMillis, String status, String error) {

    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    public Instant finishedAt() {
        return Instant.ofEpochMilli(finishedAtMillis);
    }

    public Duration duration() {
        return Duration.ofMillis(finishedAtMillis - startedAtMillis);
    }
}
