package ru.orientir.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.config.OrientirConfig;

/** The configuration in force goes with each run (meta_run.config_json): the analytics thresholds, never a secret. */
class RunHistoryConfigTest {

    @Test
    void theRunRecordsTheThresholdsItUsedAndNoSecret(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("orientir.yml");
        Files.writeString(yml, """
                analytics:
                  markers: {share: 0.25}
                  list: {combine: and}
                """);
        OrientirConfig config = OrientirConfig.load(Map.of("ORIENTIR_CONFIG", yml.toString(),
                "ORIENTIR_HOME", dir.resolve("home").toString(),
                "ORIENTIR_WAREHOUSE_PASSWORD", "s3cret-warehouse", "ORIENTIR_BATCH_PASSWORD", "s3cret-batch"));
        String json = RunHistory.configJson(config);
        JsonNode analytics = new ObjectMapper().readTree(json).get("analytics");
        assertEquals(0.25, analytics.at("/markers/share").asDouble());
        assertEquals(5, analytics.at("/markers/min-participants").asInt(), "defaults are recorded too");
        assertEquals("AND", analytics.at("/list/combine").asText());
        assertEquals(0.25, analytics.at("/isb/shnsu-quantile").asDouble());
        assertFalse(json.contains("s3cret"), json);
    }
}
