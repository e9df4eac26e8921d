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

    @Test
    void markTwoBoundsAreReadAndMatchSubjectsFolded() throws Exception {
        IngestSettings s = IngestConfig.parse(YAML.readTree("""
                ingest:
                  mark2-bounds:
                    - {year: 2024, procedure: ВПР, grade: 5, subject: Математика, max-score-for-2: 5}
                    - {year: 2024, procedure: огэ, grade: 9, subject: "русский   язык", max-score-for-2: "14,5"}
                """), Map.of());
        assertEquals(2, s.mark2Bounds().bounds().size());
        assertEquals(5.0, s.mark2Bounds().find(2024, "ВПР", 5, "МАТЕМАТИКА").maxScoreFor2());
        assertEquals(14.5, s.mark2Bounds().find(2024, "ОГЭ", 9, "Русский язык").maxScoreFor2());
        assertNull(s.mark2Bounds().find(2023, "ВПР", 5, "математика"), "bounds are per year");
        assertTrue(IngestConfig.parse(YAML.readTree("ingest:\n  sheet: A\n"), Map.of()).mark2Bounds().isEmpty());
    }

    @Test
    void badMarkTwoBoundsAreRussianErrorsNamingTheKey() {
        assertError("ingest:\n  mark2-bounds: {year: 2024}\n", "orientir.yml: ingest.mark2-bounds должен быть списком");
        assertError("ingest:\n  mark2-bounds:\n    - {procedure: ВПР, grade: 5, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[0].year — не задан (нужно целое число от 2000 до 2100)");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ЕГЭ, grade: 11, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[0].procedure: «ЕГЭ» — ожидается ВПР или ОГЭ");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ОГЭ, grade: 8, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[0].grade: 8 — ожидается целое число от 9 до 9");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, max-score-for-2: 101}\n",
                "orientir.yml: ingest.mark2-bounds[0].max-score-for-2: 101 — ожидается число от 0 до 100");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, max-score-for-2: пять}\n",
                "orientir.yml: ingest.mark2-bounds[0].max-score-for-2: «пять» — не число");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, bound: 5}\n",
                "orientir.yml: ingest.mark2-bounds[0].bound — неизвестный ключ");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[0].subject — не задан");
        assertError("""
                ingest:
                  mark2-bounds:
                    - {year: 2024, procedure: ВПР, grade: 5, subject: Математика, max-score-for-2: 5}
                    - {year: 2024, procedure: VPR, grade: 5, subject: " математика", max-score-for-2: 6}
                """, "orientir.yml: ingest.mark2-bounds: граница для ВПР 5 кл., «математика», 2024 задана дважды");
    }

    private static void assertError(String yaml, String start) {
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.parse(YAML.readTree(yaml), Map.of()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
