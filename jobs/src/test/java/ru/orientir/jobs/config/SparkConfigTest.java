package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.analytics.AnalyticsApplication;
import ru.orientir.etl.analytics.AnalyticsSettings;

/** analytics.spark and analytics.storage (issue 16): where the analytics run and where their files live. */
class SparkConfigTest {
    @TempDir
    Path dir;

    private OrientirConfig load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("orientir.yml"), yaml, StandardCharsets.UTF_8);
        return OrientirConfig.load(Map.of("ORIENTIR_CONFIG", file.toString(), "ORIENTIR_HOME", dir.toString()));
    }

    @Test
    void defaultsAreLocalWithTheRunFolder() throws Exception {
        SparkConfig spark = load("home: " + dir + "\n").spark();
        assertEquals("local[*]", spark.master());
        assertTrue(spark.local());
        assertEquals(SparkConfig.Deploy.CLIENT, spark.deploy());
        assertNull(spark.storage());
        assertNull(spark.runLocation("run-1"));
    }

    @Test
    void aClusterWithSharedStorageAndThresholdsSideBySide() throws Exception {
        OrientirConfig config = load("""
                analytics:
                  markers: {share: 0.25}
                  storage: s3a://bucket/prefix/
                  spark:
                    master: spark://10.0.0.1:7077,10.0.0.2:7077
                    deploy: spark-submit
                    wait: 90m
                    conf:
                      spark.executor.memory: 2g
                      spark.sql.shuffle.partitions: 4
                      spark.hadoop.fs.s3a.path.style.access: true
                """);
        SparkConfig spark = config.spark();
        assertEquals("spark://10.0.0.1:7077,10.0.0.2:7077", spark.master());
        assertFalse(spark.local());
        assertEquals(SparkConfig.Deploy.SPARK_SUBMIT, spark.deploy());
        assertEquals(Duration.ofMinutes(90), spark.waitFor());
        assertEquals(Map.of("spark.executor.memory", "2g", "spark.sql.shuffle.partitions", "4",
                "spark.hadoop.fs.s3a.path.style.access", "true"), spark.conf());
        assertEquals("s3a://bucket/prefix/runs/run-1", spark.runLocation("run-1"));
        assertEquals(0.25, config.analytics().markers().share(), "the thresholds are read beside spark and storage");
    }

    @Test
    void secretsAndMistakesAreRefusedInRussian() {
        ConfigException secret = assertThrows(ConfigException.class, () -> load("""
                analytics:
                  spark:
                    master: spark://h:7077
                    conf: {spark.hadoop.fs.s3a.secret.key: abc}
                """));
        assertTrue(secret.getMessage().contains("analytics.spark.conf.spark.hadoop.fs.s3a.secret.key: секреты в orientir.yml "
                + "не хранятся"), secret.getMessage());
        assertFalse(secret.getMessage().contains("abc"), "the refused value is not repeated");
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  spark: {conf: {fs.s3a.access.key: x}}\n"))
                .getMessage().contains("AWS_ACCESS_KEY_ID"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  storage: s3a://AKID:SECRET@bucket/p\n"))
                .getMessage().contains("учётные данные"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  spark: {master: spark//h:7077}\n"))
                .getMessage().contains("analytics.spark.master: «spark//h:7077»"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  spark: {mastr: yarn}\n"))
                .getMessage().contains("неизвестный ключ «analytics.spark.mastr»"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  spark: {deploy: spark-submit}\n"))
                .getMessage().contains("требует общего хранилища analytics.storage"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  storage: /shared/path\n"))
                .getMessage().contains("ожидается адрес со схемой"));
        assertTrue(assertThrows(ConfigException.class, () -> load("analytics:\n  spark: {wait: soon}\n"))
                .getMessage().contains("analytics.spark.wait: «soon»"));
    }

    @Test
    void theRunsAnalyticsSettingsReachASubmittedApplicationUnchanged() throws Exception {
        AnalyticsSettings settings = load("""
                analytics:
                  markers: {share: 0.2, min-participants: 7}
                  mandatory: [{procedure: ЕГЭ, subject: русский язык}]
                  spark: {master: yarn}
                """).analytics();
        assertEquals(settings, AnalyticsApplication.readSettings(AnalyticsApplication.settingsJson(settings)));
        assertEquals(0.2, settings.markers().share());
    }
}
