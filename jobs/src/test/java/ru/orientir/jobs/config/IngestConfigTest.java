package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.ingest.IngestSettings;

class IngestConfigTest {
    private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);

    /** The ingest section of {@code yaml}, read as orientir.yml is. */
    static IngestSettings parse(String yaml, byte[] key) {
        return IngestConfig.parse(ConfigFile.parse(yaml, "orientir.yml").ingest(), key, "orientir.yml");
    }

    @Test
    void regionAliasesSheetAndKeyFromTheEnvironment() throws Exception {
        IngestSettings s = parse("""
                ingest:
                  sheet: Результаты
                  aliases:
                    school_id: [Логин ОО, "Код школы"]
                    score: Первичный балл ВПР
                """, KEY);
        assertEquals("Результаты", s.sheetName());
        assertEquals("school_id", s.aliases().canonical("логин оо"));
        assertEquals("school_id", s.aliases().canonical("КОД_ШКОЛЫ"));
        assertEquals("score", s.aliases().canonical("первичный  балл впр"));
        assertEquals("school_id", s.aliases().canonical("Код ОО"), "built-in aliases stay");
        assertArrayEquals(KEY, s.pseudonymKey());
        assertEquals(IngestConfig.DEFAULT_SETTLE, s.settleInterval());
    }

    @Test
    void noSectionGivesTheBuiltInsAndAnUnknownColumnIsAnUnknownKeyWithTheNearestColumn() {
        IngestSettings s = parse("home: /tmp/x\n", null);
        assertNull(s.sheetName());
        assertNull(s.pseudonymKey());
        assertEquals(Duration.ofSeconds(10), s.settleInterval());
        assertTrue(s.mark2Bounds().isEmpty());
        // The keys of ingest.aliases are fixed: the canonical columns.
        assertError("ingest:\n  aliases:\n    schol_id: [Логин]\n", "orientir.yml: неизвестный ключ «ingest.aliases.schol_id». "
                + "Возможно, имелось в виду «ingest.aliases.school_id». Исправьте ключ и запустите команду снова.");
        // a column's Russian name written as the key: the canonical column it stands for
        assertError("ingest:\n  aliases:\n    код ОО: [Логин]\n", "orientir.yml: неизвестный ключ «ingest.aliases.код ОО». "
                + "Возможно, имелось в виду «ingest.aliases.school_id».");
        assertError("ingest:\n  aliases:\n    зарплата: [Оклад]\n", "orientir.yml: неизвестный ключ «ingest.aliases.зарплата». "
                + "Допустимые ключи в «ingest.aliases»: ");
        assertError("ingest:\n  aliases:\n    зарплата: [Оклад]\n", ", school_id, ");
        assertTrue(IngestConfig.knownColumns().containsAll(java.util.List.of("school_id", "year", "note", "mark5")),
                IngestConfig.knownColumns().toString());
        assertError("ingest:\n  aliases:\n    school_id: []\n", "orientir.yml: ingest.aliases.school_id: не задано название");
        assertError("ingest:\n  aliases:\n    school_id: {Логин: ОО}\n", "orientir.yml: ingest.aliases.school_id[1]: неверный тип "
                + "значения (ожидается текст, а указан словарь)");
        assertError("ingest:\n  aliases: [school_id]\n", "orientir.yml: ingest.aliases: неверный тип значения (ожидается "
                + "словарь ключей, а указан список)");
    }

    @Test
    void settleSecondsAndSheet() {
        assertEquals(Duration.ofMillis(2500), parse("ingest: {settle-seconds: 2.5}\n", null).settleInterval());
        assertEquals(Duration.ZERO, parse("ingest: {settle-seconds: 0}\n", null).settleInterval());
        assertEquals("Лист 2", parse("ingest: {sheet: Лист 2}\n", null).sheetName());
        assertError("ingest: {settle-seconds: 4000}\n", "orientir.yml: ingest.settle-seconds: «4000.0» — ожидается число секунд");
        assertError("ingest: {settle-seconds: -1}\n", "orientir.yml: ingest.settle-seconds");
        assertError("ingest: {settle-seconds: десять}\n", "orientir.yml: ingest.settle-seconds: значение «десять» не "
                + "подходит (ожидается число). Исправьте значение и запустите команду снова.");
        assertError("ingest: {settle: 5}\n", "orientir.yml: неизвестный ключ «ingest.settle». Допустимые ключи в «ingest»: "
                + "aliases, mark2-bounds, settle-seconds, sheet.");
        assertError("ingest: {settle_seconds: 5}\n", "Возможно, имелось в виду «ingest.settle-seconds»");
        assertError("ingest: {pseudonym-key: abc}\n", "orientir.yml: ключ «ingest.pseudonym-key» не допускается: секреты");
    }

    @Test
    void markTwoBoundsAreReadAndMatchSubjectsFolded() throws Exception {
        IngestSettings s = parse("""
                ingest:
                  mark2-bounds:
                    - {year: 2024, procedure: ВПР, grade: 5, subject: Математика, max-score-for-2: 5}
                    - {year: 2024, procedure: огэ, grade: 9, subject: "русский   язык", max-score-for-2: "14,5"}
                    - {year: 2025, procedure: ОГЭ, grade: 9, subject: математика, max-score-for-2: 7.5}
                """, null);
        assertEquals(3, s.mark2Bounds().bounds().size());
        assertEquals(7.5, s.mark2Bounds().find(2025, "ОГЭ", 9, "математика").maxScoreFor2());
        assertEquals(5.0, s.mark2Bounds().find(2024, "ВПР", 5, "МАТЕМАТИКА").maxScoreFor2());
        assertEquals(14.5, s.mark2Bounds().find(2024, "ОГЭ", 9, "Русский язык").maxScoreFor2());
        assertNull(s.mark2Bounds().find(2023, "ВПР", 5, "математика"), "bounds are per year");
        assertTrue(parse("ingest:\n  sheet: A\n", null).mark2Bounds().isEmpty());
    }

    @Test
    void badMarkTwoBoundsAreRussianErrorsNamingTheKey() {
        // list items are numbered from 1, as a reader counts them
        assertError("ingest:\n  mark2-bounds: {year: 2024}\n", "orientir.yml: ingest.mark2-bounds: неверный тип значения "
                + "(ожидается список, а указан словарь)");
        assertError("ingest:\n  mark2-bounds:\n    - {procedure: ВПР, grade: 5, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].year — не задан (нужно целое число от 2000 до 2100)");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ЕГЭ, grade: 11, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].procedure: «ЕГЭ» — ожидается ВПР или ОГЭ");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ОГЭ, grade: 8, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].grade: 8 — ожидается целое число от 9 до 9");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, max-score-for-2: 101}\n",
                "orientir.yml: ingest.mark2-bounds[1].max-score-for-2: 101 — ожидается число от 0 до 100");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, max-score-for-2: пять}\n",
                "orientir.yml: ingest.mark2-bounds[1].max-score-for-2: «пять» — не число");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, bound: 5}\n",
                "orientir.yml: неизвестный ключ «ingest.mark2-bounds[1].bound». Допустимые ключи в "
                        + "«ingest.mark2-bounds[1]»: grade, max-score-for-2, procedure, subject, year.");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, subject: м, max-score-for-2: 5}\n"
                        + "    - {year: 2024, procedure: ВПР, grade: 6, subject: м, max-score-for2: 5}\n",
                "orientir.yml: неизвестный ключ «ingest.mark2-bounds[2].max-score-for2». Возможно, имелось в виду "
                        + "«ingest.mark2-bounds[2].max-score-for-2».");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024, procedure: ВПР, grade: 5, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].subject — не задан");
        assertError("ingest:\n  mark2-bounds:\n    - {year: 2024.5, procedure: ВПР, grade: 5, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].year: значение «2024.5» не подходит (ожидается целое число)");
        assertError("ingest:\n  mark2-bounds:\n    - {year: двадцатый, procedure: ВПР, grade: 5, subject: м, max-score-for-2: 5}\n",
                "orientir.yml: ingest.mark2-bounds[1].year: значение «двадцатый» не подходит (ожидается целое число)");
        assertError("ingest:\n  mark2-bounds:\n    - ВПР 5 математика 7\n",
                "orientir.yml: ingest.mark2-bounds[1]: неверный тип значения (ожидается словарь ключей, а указан текст)");
        assertError("""
                ingest:
                  mark2-bounds:
                    - {year: 2024, procedure: ВПР, grade: 5, subject: Математика, max-score-for-2: 5}
                    - {year: 2024, procedure: VPR, grade: 5, subject: " математика", max-score-for-2: 6}
                """, "orientir.yml: ingest.mark2-bounds: граница для ВПР 5 кл., «математика», 2024 задана дважды");
    }

    /** The error starts with the file and holds {@code expected}. */
    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml, null));
        assertTrue(e.getMessage().startsWith("orientir.yml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
