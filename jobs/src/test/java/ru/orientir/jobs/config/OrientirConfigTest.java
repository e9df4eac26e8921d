package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up refuses the placeholders of .env.example and short secrets, naming the variable and what to do. */
class OrientirConfigTest {
    private static final String STRONG = "Xq7-strong-password";
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("ORIENTIR_HOME", dir.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Map<String, String> clickHouse(String password) {
        return env("ORIENTIR_WAREHOUSE_URL", "jdbc:clickhouse://clickhouse:8123/orientir", "ORIENTIR_WAREHOUSE_USER",
                "orientir", "ORIENTIR_WAREHOUSE_PASSWORD", password);
    }

    private static void assertRefused(Map<String, String> env, String... expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(env));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    /** Issue 16: warehouse.cluster, from the file or the environment; only for ClickHouse, only a cluster's name. */
    @Test
    void aClusterIsReadForClickHouseAndRefusedOtherwise() throws Exception {
        Path yml = java.nio.file.Files.writeString(dir.resolve("orientir.yml"),
                "warehouse: {url: jdbc:clickhouse://ch-s1-r1:8123/orientir, user: orientir, cluster: orientir}\n");
        OrientirConfig config = OrientirConfig.load(env("ORIENTIR_CONFIG", yml.toString()));
        org.junit.jupiter.api.Assertions.assertEquals("orientir", config.warehouse().cluster());
        assertTrue(config.warehouse().toString().contains("cluster=orientir"), config.warehouse().toString());
        Map<String, String> fromEnv = clickHouse(STRONG);
        fromEnv.put("ORIENTIR_WAREHOUSE_CLUSTER", "ch_prod");
        org.junit.jupiter.api.Assertions.assertEquals("ch_prod", OrientirConfig.load(fromEnv).warehouse().cluster());
        assertFalse(OrientirConfig.load(clickHouse(STRONG)).warehouse().clustered(), "absent: one server, as before");

        Path duck = java.nio.file.Files.writeString(dir.resolve("duck.yml"), "warehouse: {cluster: orientir}\n");
        assertRefused(env("ORIENTIR_CONFIG", duck.toString()), "duck.yml: warehouse.cluster", "только у ClickHouse");
        Map<String, String> bad = clickHouse(STRONG);
        bad.put("ORIENTIR_WAREHOUSE_CLUSTER", "a b;");
        assertRefused(bad, "warehouse.cluster", "remote_servers");
    }

    @Test
    void placeholdersOfTheEnvExampleAreRefused() {
        assertRefused(clickHouse("change-me-clickhouse"), "ORIENTIR_WAREHOUSE_PASSWORD", "change-me", "Задайте");
        assertRefused(env("ORIENTIR_BATCH_JDBC_URL", "jdbc:postgresql://postgres:5432/orientir_batch",
                "ORIENTIR_BATCH_PASSWORD", "change-me-orientir-db"), "ORIENTIR_BATCH_PASSWORD", "change-me");
        assertRefused(env("ORIENTIR_QUARTZ_JDBC_URL", "jdbc:postgresql://postgres:5432/orientir_quartz",
                "ORIENTIR_QUARTZ_PASSWORD", "change-me-orientir-db"), "ORIENTIR_QUARTZ_PASSWORD");
        assertRefused(env("SUPERSET_URL", "http://superset:8088", "SUPERSET_USERNAME", "admin",
                "SUPERSET_PASSWORD", "change-me-superset-admin"), "SUPERSET_PASSWORD", "change-me");
        assertRefused(env("SUPERSET_URL", "http://superset:8088", "SUPERSET_PASSWORD", STRONG,
                "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD", "change-me-clickhouse-reader"), "ORIENTIR_SUPERSET_WAREHOUSE_PASSWORD");
        assertRefused(env("ORIENTIR_PSEUDONYM_KEY", "change-me-and-make-it-at-least-32-bytes-long"),
                "ORIENTIR_PSEUDONYM_KEY", "change-me");
    }

    @Test
    void shortSecretsAreRefusedAndTheMessageNeverShowsThem() {
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.load(clickHouse("s3cr3t")));
        assertTrue(e.getMessage().contains("ORIENTIR_WAREHOUSE_PASSWORD: пароль короче 12 символов"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertRefused(env("ORIENTIR_PSEUDONYM_KEY", "kill-test-key"), "ORIENTIR_PSEUDONYM_KEY", "короче 32 байт");
        assertRefused(env("ORIENTIR_PSEUDONYM_KEY", KEY.substring(1)), "короче 32 байт");
    }

    @Test
    void aSecretFromAFileIsCheckedAndNamedByItsFile() throws Exception {
        Path key = Files.writeString(dir.resolve("pseudonym.key"), "too-short\n");
        assertRefused(env("ORIENTIR_PSEUDONYM_KEY_FILE", key.toString()), "ORIENTIR_PSEUDONYM_KEY_FILE (" + key + ")");
        Files.writeString(key, KEY + "\n");
        assertDoesNotThrow(() -> OrientirConfig.load(env("ORIENTIR_PSEUDONYM_KEY_FILE", key.toString())));
        assertArrayEquals((KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                OrientirConfig.load(env("ORIENTIR_PSEUDONYM_KEY_FILE", key.toString())).ingest().pseudonymKey(),
                "the key from the file, stripped, reaches the ingest");
        ConfigException e = assertThrows(ConfigException.class, () -> OrientirConfig.ingestSettings(
                env("ORIENTIR_PSEUDONYM_KEY", "short")));
        assertTrue(e.getMessage().contains("ORIENTIR_PSEUDONYM_KEY"), e.getMessage());
    }

    @Test
    void strongSecretsAndTheEmbeddedDefaultsStart() {
        assertDoesNotThrow(() -> OrientirConfig.load(clickHouse(STRONG)));
        assertDoesNotThrow(() -> OrientirConfig.load(env("ORIENTIR_PSEUDONYM_KEY", KEY)));
        // the embedded DuckDB warehouse and H2 job repository need no secret: whatever is set for them is not judged
        assertDoesNotThrow(() -> OrientirConfig.load(env("ORIENTIR_WAREHOUSE_PASSWORD", "x", "ORIENTIR_BATCH_PASSWORD", "")));
        // a secret that is not given is for its server to refuse
        assertDoesNotThrow(() -> OrientirConfig.load(env("ORIENTIR_QUARTZ_JDBC_URL", "jdbc:postgresql://pg:5432/q")));
    }
}
