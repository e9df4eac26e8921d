package ru.orientir.jobs.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import ru.orientir.etl.ingest.LoadResult;
import ru.orientir.warehouse.MartFiles;

/**
 * What the steps of one run hand to each other, kept in the pipeline job's execution context so that it survives a
 * crash: Spring Batch saves the context after every step and gives it back to the execution that resumes the run.
 * Values are JSON strings (the context holds plain strings, whatever the job repository's database).
 */
final class RunState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOADS = "orientir.loads";
    private static final String MARTS = "orientir.marts";
    private static final String PUBLISHED = "orientir.published";
    private static final String ATTEMPTS = "orientir.attempts";
    private static final String AFTER_PUBLICATION = "orientir.after_publication";
    private static final String NOTES = "orientir.notes";

    private record Mart(String table, List<String> files) {
    }

    private final ExecutionContext context;

    RunState(ExecutionContext context) {
        this.context = context;
    }

    List<LoadResult> loads() {
        return read(LOADS, new TypeReference<List<LoadResult>>() { }, List.of());
    }

    void loads(List<LoadResult> loads) {
        write(LOADS, loads);
    }

    List<MartFiles> marts() {
        List<Mart> marts = read(MARTS, new TypeReference<List<Mart>>() { }, List.of());
        return marts.stream().map(m -> new MartFiles(m.table(), m.files().stream().map(Path::of).toList())).toList();
    }

    void marts(List<MartFiles> marts) {
        write(MARTS, marts.stream().map(m -> new Mart(m.table(), m.parquetFiles().stream().map(Path::toString).toList())).toList());
    }

    Map<String, Long> published() {
        return read(PUBLISHED, new TypeReference<LinkedHashMap<String, Long>>() { }, new LinkedHashMap<>());
    }

    void published(Map<String, Long> published) {
        write(PUBLISHED, published);
    }

    /** What the analytics found that the marts alone do not say (Russian lines for the run summary). */
    List<String> notes() {
        return read(NOTES, new TypeReference<List<String>>() { }, List.of());
    }

    void notes(List<String> notes) {
        write(NOTES, notes);
    }

    /** What failed after the marts were published (the dashboards sync), or null. */
    String afterPublication() {
        return context.containsKey(AFTER_PUBLICATION) ? context.getString(AFTER_PUBLICATION) : null;
    }

    void afterPublication(String problem) {
        if (problem == null) {
            context.remove(AFTER_PUBLICATION);
        } else {
            context.putString(AFTER_PUBLICATION, problem);
        }
    }

    List<StepAttempt> attempts() {
        return read(ATTEMPTS, new TypeReference<List<StepAttempt>>() { }, List.of());
    }

    void addAttempt(StepAttempt attempt) {
        List<StepAttempt> all = new ArrayList<>(attempts());
        all.add(attempt);
        write(ATTEMPTS, all);
    }

    int attemptsOf(String step) {
        return (int) attempts().stream().filter(a -> a.step().equals(step)).count();
    }

    private <T> T read(String key, TypeReference<T> type, T empty) {
        if (!context.containsKey(key)) {
            return empty;
        }
        try {
            return JSON.readValue(context.getString(key), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The run's saved state " + key + " is unreadable: " + e.getMessage(), e);
        }
    }

    private void write(String key, Object value) {
        try {
            context.putString(key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot save the run's state " + key + ": " + e.getMessage(), e);
        }
    }
}
