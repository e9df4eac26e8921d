package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Superset the tests start reads as analysts' does (docker/superset/superset_config.py, checked by
 * ComposeFileTest): Russian interface and number separators, and the security API the sync needs.
 */
class SupersetConfigTest {

    @Test
    void theTestSupersetSpeaksRussianAndKeepsItsSecurityApi(@TempDir Path home) throws Exception {
        Path config = Path.of("src/test/superset/superset_config.py").toAbsolutePath();
        Path out = home.resolve("values.json");
        String read = "import json, runpy, sys; c = runpy.run_path(sys.argv[1]); print(json.dumps({k: c.get(k) "
                + "for k in ('BABEL_DEFAULT_LOCALE', 'LANGUAGES', 'FAB_ADD_SECURITY_API', 'D3_FORMAT')}))";
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", read, config.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("ORIENTIR_TEST_SUPERSET_SECRET", "test-secret");
        pb.environment().put("ORIENTIR_TEST_SUPERSET_HOME", home.toString());
        Process p = pb.start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("python3 did not read " + config + " within a minute");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        JsonNode values = new ObjectMapper().readTree(output);
        assertEquals("ru", values.path("BABEL_DEFAULT_LOCALE").asText());
        assertTrue(values.path("LANGUAGES").has("ru"), "Russian is enabled: " + values);
        assertTrue(values.path("FAB_ADD_SECURITY_API").asBoolean(), "dashboards sync needs the security API");
        assertEquals(",", values.path("D3_FORMAT").path("decimal").asText(), "numbers read 35,1: " + values);
    }
}
