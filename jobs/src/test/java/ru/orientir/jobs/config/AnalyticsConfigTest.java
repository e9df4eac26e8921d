package ru.orientir.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import ru.orientir.etl.analytics.AnalyticsSettings;
import ru.orientir.etl.analytics.lists.ListRuleSettings;

/** docs/methodology.md: every threshold is configuration, validated at start-up with the setting's name; defaults otherwise. */
class AnalyticsConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void noSectionGivesTheDefaultsOfTheMethodology() throws Exception {
        AnalyticsSettings s = AnalyticsConfig.parse(YAML.readTree("home: /tmp/x\n"));
        assertEquals(AnalyticsSettings.defaults(), s);
        assertEquals(0.30, s.markers().share());
        assertEquals(5, s.markers().minParticipants());
        assertEquals(ListRuleSettings.Combine.OR, s.list().combine());
        assertEquals(0.25, s.isb().shnsuQuantile());
    }

    @Test
    void overridesMergeKeyByKeyAndListsReplace() throws Exception {
        AnalyticsSettings s = AnalyticsConfig.parse(YAML.readTree("""
                analytics:
                  markers:
                    share: 0.25
                    thresholds:
                      - {year: 2024, procedure: ВПР, grade: 4, subject: математика, share: 0.2}
                  list: {combine: and, unit: type}
                  mandatory: [{procedure: ЕГЭ, subject: русский язык}]
                  risks: {population-high: 500}
                """));
        assertEquals(0.25, s.markers().share());
        assertEquals(5, s.markers().minParticipants(), "unchanged keys keep their defaults");
        assertEquals(1, s.markers().thresholds().size());
        assertEquals(2024, s.markers().thresholds().get(0).year());
        assertEquals(AnalyticsSettings.defaults().markers().egeMinScores(), s.markers().egeMinScores());
        assertEquals(ListRuleSettings.Combine.AND, s.list().combine());
        assertEquals(ListRuleSettings.Unit.TYPE, s.list().unit());
        assertEquals(1, s.mandatory().size());
        assertEquals(500, s.risks().populationHigh());
        assertEquals(5_000, s.risks().populationMedium());
        // The settings in force round-trip through the run history's JSON.
        assertEquals(s, AnalyticsConfig.MAPPER.treeToValue(AnalyticsConfig.toJson(s), AnalyticsSettings.class));
    }

    @Test
    void aRegionsOwnThresholdsMergeOverTheInstallationsAndRoundTrip() throws Exception {
        AnalyticsSettings s = AnalyticsConfig.parse(YAML.readTree("""
                analytics:
                  markers: {share: 0.25}
                  isb: {shnsu-quantile: 0.2}
                  regions:
                    "69": {isb: {shnsu-quantile: 0.3}}
                    7: {resilience: {isb-quantile: 0.4}}
                """));
        assertEquals(0.2, s.isb().shnsuQuantile(), "the installation's own");
        assertEquals(java.util.Set.of("69", "07"), s.regions().keySet(), "codes as two digits");
        AnalyticsSettings tver = s.forRegion("69");
        assertEquals(0.3, tver.isb().shnsuQuantile(), "the region's override");
        assertEquals(0.25, tver.markers().share(), "the installation's setting, not the default 0.30");
        assertEquals(0.2, s.forRegion("07").isb().shnsuQuantile());
        assertEquals(0.4, s.forRegion("07").resilience().isbQuantile());
        assertEquals(s.withRegions(java.util.Map.of()), s.forRegion("52"), "a region without its own: the installation's");
        assertEquals(s, AnalyticsConfig.MAPPER.treeToValue(AnalyticsConfig.toJson(s), AnalyticsSettings.class));
        assertError("analytics:\n  regions:\n    \"69\": {isb: {shnsu-quantil: 0.3}}\n",
                "неизвестный ключ «analytics.regions.69.isb.shnsu-quantil»");
        assertError("analytics:\n  regions:\n    Тверская: {isb: {shnsu-quantile: 0.3}}\n",
                "«Тверская» — не код субъекта РФ");
        assertError("analytics:\n  regions:\n    \"69\": {isb: {shnsu-quantile: 1.5}}\n", "shnsu-quantile");
    }

    @Test
    void mistakesNameTheSettingInRussian() {
        assertError("analytics:\n  markers: {sharee: 0.2}\n", "orientir.yml: неизвестный ключ «analytics.markers.sharee». "
                + "Возможно, имелось в виду «analytics.markers.share». Исправьте ключ и запустите команду снова.");
        assertError("analytics:\n  markers:\n    thresholds:\n      - {year: 2024, procedure: ВПР, grade: 4, subject: м, shar: 0.2}\n",
                "неизвестный ключ «analytics.markers.thresholds[1].shar». Возможно, имелось в виду "
                        + "«analytics.markers.thresholds[1].share».");
        assertError("analytics:\n  isb: {indicators: [{colum: ovz_share, higher-is-better: false, log: false}]}\n",
                "неизвестный ключ «analytics.isb.indicators[1].colum». Возможно, имелось в виду «analytics.isb.indicators[1].column».");
        assertError("analytics:\n  cluster: {trend-years: 3}\n", "неизвестный ключ «analytics.cluster». Возможно, имелось в "
                + "виду «analytics.clusters».");
        assertError("analytics:\n  weather: {sunny: true}\n", "неизвестный ключ «analytics.weather». Допустимые ключи в "
                + "«analytics»: ");
        assertError("analytics:\n  list: {combine: 1}\n", "analytics.list.combine: значение «1» не подходит (ожидается "
                + "одно из: or and)");
        assertError("analytics:\n  markers: {min-participants: 5.5}\n", "analytics.markers.min-participants: значение «5.5» "
                + "не подходит (ожидается целое число)");
        assertError("analytics:\n  markers:\n    thresholds:\n      - {year: 2024, procedure: ВПР, grade: 4, subject: м}\n",
                "analytics.markers.thresholds[1].share: значение не задано (ожидается число)");
        assertError("analytics:\n  markers: 0.3\n", "analytics.markers: неверный тип значения (ожидается словарь ключей");
        assertError("analytics:\n  list: {combine: xor}\n", "analytics.list.combine: значение «xor» не подходит (ожидается одно из: or and)");
        assertError("analytics:\n  markers: {share: 1.2}\n", "analytics.markers.share: доля должна быть больше 0 и не больше 1");
        assertError("analytics:\n  markers: {min-participants: много}\n", "analytics.markers.min-participants");
        assertError("analytics:\n  isb: {indicators: [{column: зарплата, higher-is-better: true, log: false}]}\n",
                "неизвестный показатель «зарплата»");
        assertError("analytics:\n  risks: {population-high: 9000}\n", "analytics.risks.population: порог «высокий» (9000.0)");
        assertError("analytics:\n  mandatory: [{procedure: ГИА, subject: математика}]\n", "процедура должна быть одной из ВПР, ОГЭ, ЕГЭ");
    }

    @Test
    void subjectSynonymsMergeOverTheBuiltInTable() throws Exception {
        // issue 11, item 3: a region adds its spellings; the built-in ones stay.
        AnalyticsSettings s = AnalyticsConfig.parse(YAML.readTree("""
                analytics:
                  subjects:
                    synonyms:
                      русский язык: [рус. яз. и лит.]
                      алгебра и геометрия: [алг. и геом.]
                """));
        assertEquals("русский язык", s.subjectNames().canonical("Рус. яз. и лит."));
        assertEquals("русский язык", s.subjectNames().canonical("русский яз."), "a built-in variant");
        assertEquals("алгебра и геометрия", s.subjectNames().canonical("АЛГ. И ГЕОМ."));
        assertEquals("математика профильная", s.subjectNames().canonical("Математика (профильный уровень)"));
        assertEquals(s, AnalyticsConfig.MAPPER.treeToValue(AnalyticsConfig.toJson(s), AnalyticsSettings.class));
        assertError("analytics:\n  subjects: {synonyms: {физика: [русский]}}\n",
                "analytics.subjects.synonyms: вариант «русский» указан и для «русский язык», и для «физика»");
        assertError("analytics:\n  subjects: {synonyms: {физика: физ}}\n", "analytics.subjects.synonyms");
    }

    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> AnalyticsConfig.parse(YAML.readTree(yaml)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("orientir.yml: "), e.getMessage());
    }
}
