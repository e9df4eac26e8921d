package ru.orientir.etl.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.spark.sql.SparkSession;

import ru.orientir.warehouse.MartFiles;

/**
 * The analytics as a Spark application of their own, for {@code spark-submit} (the packaged jar of etl/analytics-app,
 * Spark and Hadoop provided by the cluster). The pipeline writes the run's analytics settings beside its snapshot and
 * waits; an operator submits
 * <pre>
 * spark-submit --master spark://host:7077 --class ru.orientir.etl.analytics.AnalyticsApplication \
 *     orientir-analytics-app.jar --run-id RUN --snapshot URI --marts URI --settings URI
 * </pre>
 * and the application writes the marts, then {@value #RESULT} under the marts (the tables written and the findings for
 * the run summary), or {@value #FAILED} with the reason when it fails. The pipeline reads one of the two.
 */
public final class AnalyticsApplication {
    /** Written under the marts when every mart is written: {@link Result} as JSON. */
    public static final String RESULT = "_orientir_result.json";
    /** Written under the marts when the analytics fail: the reason, in one line. */
    public static final String FAILED = "_orientir_failed.txt";
    public static final String MAIN_CLASS = AnalyticsApplication.class.getName();

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** What the application hands back to the waiting pipeline. */
    public record Result(String runId, List<String> tables, AnalyticsFindings findings) {
    }

    /** The run's parameters, as the command line gives them. */
    public record Parameters(String runId, String snapshot, String marts, String settings) {
        public List<String> arguments() {
            return List.of("--run-id", runId, "--snapshot", snapshot, "--marts", marts, "--settings", settings);
        }

        static Parameters parse(String[] args) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("непонятный аргумент «" + a + "»");
                }
                named.put(a.substring(2), args[++i]);
            }
            List<String> missing = new ArrayList<>();
            for (String k : List.of("run-id", "snapshot", "marts", "settings")) {
                if (named.get(k) == null || named.get(k).isBlank()) {
                    missing.add("--" + k);
                }
                named.remove(k);
            }
            if (!missing.isEmpty() || !named.isEmpty()) {
                throw new IllegalArgumentException((missing.isEmpty() ? "" : "не заданы " + String.join(", ", missing))
                        + (named.isEmpty() ? "" : (missing.isEmpty() ? "" : "; ") + "лишние аргументы " + named.keySet()));
            }
            return new Parameters(get(args, "--run-id"), get(args, "--snapshot"), get(args, "--marts"),
                    get(args, "--settings"));
        }

        private static String get(String[] args, String name) {
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return null;
        }
    }

    private AnalyticsApplication() {
    }

    public static void main(String[] args) {
        Parameters p;
        try {
            p = Parameters.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Аналитика Ориентира: " + e.getMessage() + ". Запуск: spark-submit --class " + MAIN_CLASS
                    + " orientir-analytics-app.jar --run-id ИД --snapshot URI --marts URI --settings URI (команду с "
                    + "параметрами прогона пишет в журнал bin/orientir run, когда ждёт аналитику)");
            System.exit(2);
            return;
        }
        SparkSession spark = LocalSpark.session(null, Map.of());
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        try {
            storage.delete(Storage.resolve(p.marts(), FAILED));
            AnalyticsSettings settings = readSettings(storage.readText(p.settings()));
            AnalyticsJob job = new AnalyticsJob(spark, settings)
                    .onStep((step, took) -> System.out.printf(java.util.Locale.ROOT, "orientir analytics %s: %.1f s%n",
                            step, took.toMillis() / 1000.0));
            List<MartFiles> marts = job.run(p.runId(), p.snapshot(), p.marts());
            storage.writeText(Storage.resolve(p.marts(), RESULT), MAPPER.writeValueAsString(
                    new Result(p.runId(), marts.stream().map(MartFiles::table).toList(), job.findings())));
        } catch (Exception e) {
            String reason = String.valueOf(e.getMessage() == null ? e : e.getMessage()).replace('\n', ' ');
            try {
                storage.writeText(Storage.resolve(p.marts(), FAILED), reason);
            } catch (RuntimeException ignored) {
                // the storage itself failed: the pipeline waits until its time is up and says so
            }
            spark.stop();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        spark.stop();
    }

    public static String settingsJson(AnalyticsSettings settings) {
        try {
            return MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AnalyticsSettings readSettings(String json) {
        try {
            return MAPPER.readValue(json, AnalyticsSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("настройки аналитики не читаются: " + e.getOriginalMessage(), e);
        }
    }

    public static Result readResult(String json) {
        try {
            return MAPPER.readValue(json, Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("итог аналитики не читается: " + e.getOriginalMessage(), e);
        }
    }
}
