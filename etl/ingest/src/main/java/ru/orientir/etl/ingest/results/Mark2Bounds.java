package ru.orientir.etl.ingest.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured mark-2 bounds (orientir.yml {@code ingest.mark2-bounds}): for a year, procedure (ВПР or ОГЭ), grade and
 * subject, the highest primary score that still gives mark 2, as the conversion tables print it («0–7 баллов — «2»»).
 * A student-level row with a score and no mark gets its outcome from the bound: score ≤ bound is mark 2, a higher
 * score is «не 2» (marks 3–5 cannot be told apart by one bound, so the mark stays empty). Subjects match with case,
 * ё/е and spaces folded («Русский  язык» = «русский язык»); other spellings are not guessed.
 */
public final class Mark2Bounds {
    public static final Mark2Bounds NONE = new Mark2Bounds(List.of());

    /** One bound; {@code procedure} is ВПР or ОГЭ as {@link Procedure#label()} writes it. */
    public record Bound(int year, String procedure, int grade, String subject, double maxScoreFor2) {
    }

    private final List<Bound> bounds;
    private final Map<String, Bound> byKey = new LinkedHashMap<>();

    private Mark2Bounds(List<Bound> bounds) {
        this.bounds = Collections.unmodifiableList(new ArrayList<>(bounds));
        for (Bound b : bounds) {
            Bound earlier = byKey.putIfAbsent(key(b.year(), b.procedure(), b.grade(), b.subject()), b);
            if (earlier != null) {
                throw new IllegalArgumentException("граница для " + b.procedure() + " " + b.grade() + " кл., «"
                        + b.subject() + "», " + b.year() + " задана дважды (уже есть «" + earlier.subject() + "»)");
            }
        }
    }

    /** Throws IllegalArgumentException (Russian) when two bounds name the same year, procedure, grade and subject. */
    public static Mark2Bounds of(List<Bound> bounds) {
        return bounds.isEmpty() ? NONE : new Mark2Bounds(bounds);
    }

    public List<Bound> bounds() {
        return bounds;
    }

    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    /** The bound for a row, or null when none is configured. */
    public Bound find(int year, String procedure, int grade, String subject) {
        return byKey.get(key(year, procedure, grade, subject));
    }

    /** The subject as compared: lower case, ё as е, runs of spaces as one, trimmed. */
    public static String fold(String subject) {
        return subject.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    private static String key(int year, String procedure, int grade, String subject) {
        return year + "|" + procedure + "|" + grade + "|" + fold(subject);
    }
}
