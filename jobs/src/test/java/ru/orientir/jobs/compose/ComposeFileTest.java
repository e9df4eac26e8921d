package ru.orientir.jobs.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** docker-compose.yml is validated without a Docker engine by .ci/check-compose.py (see its header). */
class ComposeFileTest {

    @Test
    void composeFileIsValid() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("python3", ".ci/check-compose.py").directory(root.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        System.out.println(output.strip());
        assertEquals(0, p.exitValue(), output);
    }
}
