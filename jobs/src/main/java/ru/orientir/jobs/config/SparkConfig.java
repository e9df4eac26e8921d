package ru.orientir.jobs.config;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the analytics run and where their files live: {@code analytics.spark} and {@code analytics.storage} of
 * orientir.yml.
 * <pre>
 * analytics:
 *   storage: s3a://bucket/orientir          # or file:///shared/orientir, hdfs://namenode/orientir; default: run folder
 *   spark:
 *     master: spark://spark-master:7077     # default local[*]; yarn, k8s://… too
 *     deploy: client                        # client: the pipeline is the driver; spark-submit: an operator submits
 *     wait: 6h                              # spark-submit only: how long the pipeline waits for the marts
 *     executor-wait: 10m                    # client mode: how long a job may go on without any executor
 *     conf:                                 # passed to Spark as written
 *       spark.executor.memory: 2g
 *       spark.hadoop.fs.s3a.endpoint: https://storage.example.org
 * </pre>
 * No key holds a secret: storage credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or
 * a credentials file, never from this file; a {@code conf} key that names one is refused.
 *
 * @param storage the shared location of every run's snapshot and marts ({@code <storage>/runs/<run id>/…}), or null:
 *                the run's local folder, as before
 * @param executorWait client mode on a cluster: how long the application may have no executor at all (every worker
 *                     stopped or lost: Spark then waits for resources instead of failing) before the step fails
 */
public record SparkConfig(String master, Map<String, String> conf, Deploy deploy, Duration waitFor, String storage,
                          Duration executorWait) {
    public static final String LOCAL = "local[*]";
    public static final Duration EXECUTOR_WAIT = Duration.ofMinutes(10);
    public static final SparkConfig DEFAULT = new SparkConfig(LOCAL, Map.of(), Deploy.CLIENT, Duration.ofHours(6), null);

    public SparkConfig(String master, Map<String, String> conf, Deploy deploy, Duration waitFor, String storage) {
        this(master, conf, deploy, waitFor, storage, EXECUTOR_WAIT);
    }
    /** A setting that would carry a secret: access or secret keys, session tokens, passwords. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|session[.-]?token|access[.-]?key).*");

    public enum Deploy {
        /** The pipeline starts the analytics itself, as the Spark driver, on {@link #master}. */
        CLIENT,
        /** An operator starts the packaged application with spark-submit; the pipeline waits for the marts. */
        SPARK_SUBMIT
    }

    public SparkConfig {
        conf = Map.copyOf(conf);
    }

    /** True when the analytics run on this machine alone. */
    public boolean local() {
        return master.startsWith("local");
    }

    /** The run's shared location, or null when its files stay in the run folder. */
    public String runLocation(String runId) {
        return storage == null ? null : (storage.endsWith("/") ? storage : storage + "/") + "runs/" + runId;
    }

    /** {@code analytics.spark} and {@code analytics.storage} of {@code section} (null: defaults). */
    static SparkConfig parse(JsonNode section, String file) {
        if (section == null || !section.isObject()) {
            return DEFAULT;
        }
        String storage = null;
        JsonNode s = section.get("storage");
        if (s != null && !s.isNull()) {
            storage = storage(s, file);
        }
        JsonNode spark = section.get("spark");
        if (spark == null || spark.isNull()) {
            return new SparkConfig(LOCAL, Map.of(), Deploy.CLIENT, DEFAULT.waitFor(), storage);
        }
        if (!spark.isObject()) {
            throw new ConfigException(file + ": analytics.spark должен быть словарём (например, «analytics: {spark: {master: "
                    + "spark://host:7077}}»). Исправьте раздел и запустите команду снова.");
        }
        String master = LOCAL;
        Map<String, String> conf = new LinkedHashMap<>();
        Deploy deploy = Deploy.CLIENT;
        Duration waitFor = DEFAULT.waitFor();
        Duration executorWait = EXECUTOR_WAIT;
        Iterator<Map.Entry<String, JsonNode>> fields = spark.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = "analytics.spark." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "master" -> master = text(v, key, file, "spark://host:7077");
                case "deploy" -> deploy = switch (text(v, key, file, "client").toLowerCase(Locale.ROOT)) {
                    case "client" -> Deploy.CLIENT;
                    case "spark-submit" -> Deploy.SPARK_SUBMIT;
                    default -> throw new ConfigException(file + ": " + key + ": «" + v.asText() + "» — ожидается client "
                            + "(аналитику запускает сам прогон) или spark-submit (её запускает оператор). Исправьте и "
                            + "запустите команду снова.");
                };
                case "wait" -> waitFor = duration(text(v, key, file, "6h"), key, file);
                case "executor-wait" -> executorWait = duration(text(v, key, file, "10m"), key, file);
                case "conf" -> conf = conf(v, key, file);
                default -> throw new ConfigException(file + ": неизвестный ключ «" + key + "». Допустимы analytics.spark."
                        + "master, analytics.spark.deploy, analytics.spark.wait, analytics.spark.executor-wait и "
                        + "analytics.spark.conf. Исправьте и запустите "
                        + "команду снова.");
            }
        }
        if (!master.matches("local(\\[[0-9*]+])?|spark://\\S+|yarn|k8s://\\S+|mesos://\\S+")) {
            throw new ConfigException(file + ": analytics.spark.master: «" + master + "» — ожидается local[*], "
                    + "spark://host:7077, yarn или k8s://https://host:443. Исправьте и запустите команду снова.");
        }
        if (deploy == Deploy.SPARK_SUBMIT && storage == null) {
            throw new ConfigException(file + ": analytics.spark.deploy: spark-submit требует общего хранилища "
                    + "analytics.storage (file:///общая/папка, s3a://bucket/prefix или hdfs://…): приложение на кластере "
                    + "читает снимок и пишет витрины там. Задайте analytics.storage и запустите команду снова.");
        }
        return new SparkConfig(master, conf, deploy, waitFor, storage, executorWait);
    }

    private static String storage(JsonNode node, String file) {
        String text = text(node, "analytics.storage", file, "s3a://bucket/orientir");
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.isAbsolute()) {
            throw new ConfigException(file + ": analytics.storage: «" + text + "» — ожидается адрес со схемой: "
                    + "file:///общая/папка, s3a://bucket/prefix или hdfs://namenode/путь. Исправьте и запустите команду снова.");
        }
        if (uri.getUserInfo() != null) {
            throw new ConfigException(file + ": analytics.storage: в адресе указаны учётные данные. Уберите их из "
                    + "orientir.yml: ключи хранилища задаются только в окружении (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) "
                    + "или в файле учётных данных.");
        }
        return text.strip();
    }

    private static Map<String, String> conf(JsonNode node, String key, String file) {
        if (!node.isObject()) {
            throw new ConfigException(file + ": " + key + " должен быть словарём настроек Spark (например, «conf: "
                    + "{spark.executor.memory: 2g}»). Исправьте и запустите команду снова.");
        }
        Map<String, String> conf = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (SECRET.matcher(e.getKey()).matches()) {
                throw new ConfigException(file + ": " + key + "." + e.getKey() + ": секреты в orientir.yml не хранятся. "
                        + "Уберите ключ из файла и задайте учётные данные хранилища в окружении (AWS_ACCESS_KEY_ID и "
                        + "AWS_SECRET_ACCESS_KEY) или в файле учётных данных (см. README, «Аналитика на кластере Spark»).");
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new ConfigException(file + ": " + key + "." + e.getKey() + ": ожидается значение (строка, число или "
                        + "да/нет). Исправьте и запустите команду снова.");
            }
            conf.put(e.getKey(), e.getValue().asText());
        }
        return conf;
    }

    private static String text(JsonNode node, String key, String file, String example) {
        if (node == null || !node.isValueNode() || node.asText().isBlank()) {
            throw new ConfigException(file + ": " + key + ": ожидается значение, например «" + example + "». Исправьте и "
                    + "запустите команду снова.");
        }
        return node.asText().strip();
    }

    private static Duration duration(String text, String key, String file) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            try {
                d = Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(file + ": " + key + ": «" + text + "» — ожидается срок, например 30m, 6h или PT6H. "
                    + "Исправьте и запустите команду снова.");
        }
        return d;
    }

    /** The settings as a log line: the master, the deploy mode and the storage; conf keys without their values. */
    @Override
    public String toString() {
        return "SparkConfig[master=" + master + ", deploy=" + deploy + ", storage=" + storage + ", conf=" + conf.keySet() + "]";
    }
}
