package ru.orientir.jobs.pipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.orientir.jobs.config.ConfigException;

/**
 * How a failing pipeline step is retried: {@code pipeline.retries} more attempts ({@code ORIENTIR_PIPELINE_RETRIES},
 * default 2), {@code pipeline.retry-delay} apart ({@code ORIENTIR_PIPELINE_RETRY_DELAY}: {@code 30s}, {@code 5m},
 * {@code 500ms} or ISO-8601 {@code PT30S}; default 30s); and how many run folders ({@code runs/<run_id>}: the snapshot
 * and the marts' Parquet) are kept, {@code pipeline.keep-runs} ({@code ORIENTIR_PIPELINE_KEEP_RUNS}, default 5) besides
 * a run that can still be resumed.
 */
public record PipelineSettings(int retries, Duration retryDelay, int keepRuns) {
    public static final PipelineSettings DEFAULT = new PipelineSettings(2, Duration.ofSeconds(30), 5);

    public PipelineSettings(int retries, Duration retryDelay) {
        this(retries, retryDelay, DEFAULT.keepRuns);
    }
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    public PipelineSettings {
        if (retries < 0 || retries > 100) {
            throw new ConfigException("pipeline.retries: " + retries + " вне допустимых пределов 0–100");
        }
        if (retryDelay.isNegative()) {
            throw new ConfigException("pipeline.retry-delay: задержка не может быть отрицательной");
        }
        if (keepRuns < 1 || keepRuns > 1000) {
            throw new ConfigException("pipeline.keep-runs: " + keepRuns + " вне допустимых пределов 1–1000");
        }
    }

    public static PipelineSettings parse(String retries, String retryDelay) {
        return parse(retries, retryDelay, null);
    }

    public static PipelineSettings parse(String retries, String retryDelay, String keepRuns) {
        int r = DEFAULT.retries;
        if (retries != null) {
            try {
                r = Integer.parseInt(retries.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("pipeline.retries (ORIENTIR_PIPELINE_RETRIES): «" + retries
                        + "» — не целое число (ожидается, например, 2)");
            }
        }
        Duration d = retryDelay == null ? DEFAULT.retryDelay : duration("pipeline.retry-delay (ORIENTIR_PIPELINE_RETRY_DELAY)", retryDelay);
        int keep = DEFAULT.keepRuns;
        if (keepRuns != null) {
            try {
                keep = Integer.parseInt(keepRuns.strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("pipeline.keep-runs (ORIENTIR_PIPELINE_KEEP_RUNS): «" + keepRuns
                        + "» — не целое число (ожидается, например, 5)");
            }
        }
        return new PipelineSettings(r, d, keep);
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String key, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + ": «" + text + "» — не длительность (ожидается, например, 30s, 5m или PT30S)");
        }
    }
}
