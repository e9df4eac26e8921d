package ru.orientir.etl.analytics.markers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import ru.orientir.etl.analytics.AnalyticsSettings.Bounds;

/**
 * docs/methodology.md §1. A marker is a share of mark 2 (ВПР, ОГЭ) or of scores below the subject's minimum (ЕГЭ) at or above
 * the threshold; fewer than {@code minParticipants} gives no marker. Thresholds vary by year, procedure, grade and
 * subject: the rule naming the most fields wins (the year breaks ties), and {@code share} applies where none matches.
 */
public record MarkerSettings(int minParticipants, double share, List<ThresholdRule> thresholds,
                             List<MinScore> egeMinScores) {
    public static final Set<String> PROCEDURES = Set.of("ВПР", "ОГЭ", "ЕГЭ");

    /**
     * A threshold for the results matching every field given (null = any). Precedence (docs/methodology.md, «Пороги»):
     * the rule naming the most fields wins; between rules naming as many, the one naming the year.
     */
    public record ThresholdRule(Integer year, String procedure, Integer grade, String subject, double share) {
        int specificity() {
            int fields = (year != null ? 1 : 0) + (procedure != null ? 1 : 0) + (grade != null ? 1 : 0)
                    + (subject != null ? 1 : 0);
            return fields * 2 + (year != null ? 1 : 0);
        }
    }

    /** ЕГЭ minimum score for a subject, in every year or (with year) in one year. */
    public record MinScore(Integer year, String subject, double minScore) {
    }

    public static MarkerSettings defaults() {
        // The minimum scores Rosobrnadzor set for the certificate subjects (unchanged 2022–2025). ЕГЭ базовая
        // математика has marks only: below the minimum is mark 2.
        return new MarkerSettings(5, 0.30, List.of(), List.of(
                new MinScore(null, "русский язык", 24),
                new MinScore(null, "математика профильная", 27),
                new MinScore(null, "физика", 36),
                new MinScore(null, "химия", 36),
                new MinScore(null, "информатика", 40),
                new MinScore(null, "биология", 36),
                new MinScore(null, "история", 32),
                new MinScore(null, "география", 37),
                new MinScore(null, "обществознание", 42),
                new MinScore(null, "литература", 32),
                new MinScore(null, "английский язык", 22),
                new MinScore(null, "немецкий язык", 22),
                new MinScore(null, "французский язык", 22),
                new MinScore(null, "испанский язык", 22),
                new MinScore(null, "китайский язык", 17)));
    }

    /** The threshold rules, most specific first (equal specificity: the later rule in the file wins). */
    public List<ThresholdRule> bySpecificity() {
        List<ThresholdRule> rules = new ArrayList<>(thresholds);
        java.util.Collections.reverse(rules);
        rules.sort(Comparator.comparingInt(ThresholdRule::specificity).reversed());
        return rules;
    }

    /** The same settings with every subject and procedure named canonically (docs/methodology.md, «Названия предметов»). */
    public MarkerSettings canonical(ru.orientir.etl.analytics.results.SubjectNames names) {
        List<ThresholdRule> rules = new ArrayList<>();
        for (ThresholdRule r : thresholds) {
            rules.add(new ThresholdRule(r.year(), r.procedure() == null ? null : r.procedure().trim().toUpperCase(java.util.Locale.ROOT),
                    r.grade(), r.subject() == null ? null : names.canonical(r.subject()), r.share()));
        }
        List<MinScore> scores = new ArrayList<>();
        for (MinScore m : egeMinScores) {
            scores.add(new MinScore(m.year(), names.canonical(m.subject()), m.minScore()));
        }
        return new MarkerSettings(minParticipants, share, rules, scores);
    }

    /** Year-specific minimum scores first, then the ones for every year. */
    public List<MinScore> minScoresBySpecificity() {
        List<MinScore> scores = new ArrayList<>(egeMinScores);
        java.util.Collections.reverse(scores);
        scores.sort(Comparator.comparingInt(m -> m.year() == null ? 1 : 0));
        return scores;
    }

    public void validate() {
        if (minParticipants < 1) {
            throw new IllegalArgumentException("analytics.markers.min-participants: нужно целое число не меньше 1, указано "
                    + minParticipants);
        }
        Bounds.share("analytics.markers.share", share);
        for (int i = 0; i < thresholds.size(); i++) {
            ThresholdRule r = thresholds.get(i);
            String name = "analytics.markers.thresholds[" + (i + 1) + "]";
            Bounds.share(name + ".share", r.share());
            if (r.procedure() != null) {
                checkProcedure(name + ".procedure", r.procedure().trim().toUpperCase(java.util.Locale.ROOT));
            }
            if (r.grade() != null && (r.grade() < 1 || r.grade() > 11)) {
                throw new IllegalArgumentException(name + ".grade: класс должен быть от 1 до 11, указано " + r.grade());
            }
        }
        for (int i = 0; i < egeMinScores.size(); i++) {
            MinScore m = egeMinScores.get(i);
            String name = "analytics.markers.ege-min-scores[" + (i + 1) + "]";
            if (m.subject() == null || m.subject().isBlank()) {
                throw new IllegalArgumentException(name + ".subject: не указан предмет");
            }
            if (!(m.minScore() > 0 && m.minScore() <= 100)) {
                throw new IllegalArgumentException(name + ".min-score: минимальный балл должен быть от 0 до 100, указано "
                        + m.minScore());
            }
        }
    }

    public static void checkProcedure(String name, String procedure) {
        if (procedure == null || !PROCEDURES.contains(procedure)) {
            throw new IllegalArgumentException(name + ": процедура должна быть одной из ВПР, ОГЭ, ЕГЭ; указано «"
                    + procedure + "»");
        }
    }
}
