package ru.orientir.jobs.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid key a misspelt one most likely meant: the one at the smallest edit distance (insertions, deletions,
 * substitutions and swaps of two neighbouring letters each count 1, so {@code ulr} is 1 from {@code url} and
 * {@code corn} 1 from {@code cron}), compared without case, hyphens and underscores ({@code retry_delay} and
 * {@code retryDelay} are {@code retry-delay}). A key farther than a third of its length (at least 2, at most 3 edits)
 * from every valid key has no suggestion: then the message lists the valid keys instead.
 */
final class NearestKey {
    private NearestKey() {
    }

    static Optional<String> of(String typed, Collection<String> valid) {
        String t = fold(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = distance(t, fold(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed(t) ? Optional.of(best) : Optional.empty();
    }

    /** How many edits still count as a typo of a key of this length. */
    static int allowed(String key) {
        return Math.min(3, Math.max(2, key.length() / 3));
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace('ё', 'е');
    }

    /** Optimal string alignment distance (Levenshtein plus the swap of two neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
