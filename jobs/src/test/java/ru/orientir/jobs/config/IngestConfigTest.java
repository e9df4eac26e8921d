package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.ingest.IngestSettings;

class IngestConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void regionAliasesSheetAndKeyFromTheEnvironment() throws Exception {
        IngestSettings s = IngestConfig.parse(YAML.readTree("""
                ingest:
                  sheet: Результаты
                  aliases:
                    school_id: [Логин ОО, "Код школы"]
                    score: Первичный балл ВПР
                """), Map.of("ORIENTIR_PSEUDONYM_KEY", "secret"));
        assertEquals("Результаты", s.sheetName());
        assertEquals("school_id", s.aliases().canonical("логин оо"));
        assertEquals("school_id", s.aliases().canonical("КОД_ШКОЛЫ"));
        assertEquals("score", s.aliases().canonical("первичный  балл впр"));
        assertEquals("school_id", s.aliases().canonical("Код ОО"), "built-in aliases stay");
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), s.pseudonymKey());
    }

    @Test
    void noSectionGivesTheBuiltInsAndAnUnknownColumnIsAClearError() throws Exception {
        IngestSettings s = IngestConfig.parse(null, Map.of());
        assertNull(s.sheetName());
        assertNull(s.pseudonymKey());
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.parse(
                YAML.readTree("ingest:\n  aliases:\n    schol_id: [Логин]\n"), Map.of()));
        assertTrue(e.getMessage().contains("Неизвестный столбец «schol_id»"), e.getMessage());
    }
}
