package ru.orientir.etl.analytics;

import java.util.List;
import java.util.Map;

import ru.orientir.etl.analytics.clusters.ClusterSettings;
import ru.orientir.etl.analytics.isb.IsbSettings;
import ru.orientir.etl.analytics.lists.ListRuleSettings;
import ru.orientir.etl.analytics.markers.MarkerSettings;
import ru.orientir.etl.analytics.objectivity.ObjectivitySettings;
import ru.orientir.etl.analytics.resilience.ResilienceSettings;
import ru.orientir.etl.analytics.results.SubjectNames;
import ru.orientir.etl.analytics.results.SubjectSettings;
import ru.orientir.etl.analytics.risks.RiskSettings;
import ru.orientir.etl.analytics.warning.EarlyWarningSettings;

/**
 * Every threshold and rule parameter of docs/methodology.md §1–9, with the defaults given there. orientir.yml's
 * {@code analytics} section overrides them (jobs' AnalyticsConfig validates it); the settings in force are written
 * with each run, so a mart row's run id leads to the rule that made it.
 *
 * @param mandatory the mandatory procedures: the trend condition of the risk zone (§4) and the result index (§7)
 * @param regions a region's own settings by its two-digit code (docs/methodology.md §0): every threshold as for the
 *                installation, with the region's overrides merged over them; empty when every region has the same
 */
public record AnalyticsSettings(MarkerSettings markers, ListRuleSettings list, List<ProcedureRef> mandatory,
                                ClusterSettings clusters, ObjectivitySettings objectivity, IsbSettings isb,
                                ResilienceSettings resilience, RiskSettings risks, SubjectSettings subjects,
                                EarlyWarningSettings earlyWarning, Map<String, AnalyticsSettings> regions) {

    public AnalyticsSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    public AnalyticsSettings(MarkerSettings markers, ListRuleSettings list, List<ProcedureRef> mandatory,
                             ClusterSettings clusters, ObjectivitySettings objectivity, IsbSettings isb,
                             ResilienceSettings resilience, RiskSettings risks, SubjectSettings subjects,
                             EarlyWarningSettings earlyWarning) {
        this(markers, list, mandatory, clusters, objectivity, isb, resilience, risks, subjects, earlyWarning, Map.of());
    }

    /** The same settings with the given regions' own (replacing any). */
    public AnalyticsSettings withRegions(Map<String, AnalyticsSettings> byRegion) {
        return new AnalyticsSettings(markers, list, mandatory, clusters, objectivity, isb, resilience, risks, subjects,
                earlyWarning, byRegion);
    }

    /** The settings a region's marts are computed with: its own where configured, else these (without regions). */
    public AnalyticsSettings forRegion(String region) {
        return regions.getOrDefault(region, withRegions(Map.of()));
    }

    /** A procedure by type and subject, whatever the grade (ОГЭ is grade 9, ЕГЭ grade 11). */
    public record ProcedureRef(String procedure, String subject) {
    }

    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(MarkerSettings.defaults(), ListRuleSettings.defaults(),
                List.of(new ProcedureRef("ОГЭ", "русский язык"), new ProcedureRef("ОГЭ", "математика")),
                ClusterSettings.defaults(), ObjectivitySettings.defaults(), IsbSettings.defaults(),
                ResilienceSettings.defaults(), RiskSettings.defaults(), SubjectSettings.defaults(),
                EarlyWarningSettings.defaults());
    }

    /** The subject names of the built-in synonym table merged with the configured one. */
    public SubjectNames subjectNames() {
        return new SubjectNames(subjects);
    }

    /**
     * The same settings with every procedure and subject named canonically, so that the rules compare names with
     * plain equality (docs/methodology.md, «Названия предметов»).
     */
    public AnalyticsSettings canonical() {
        SubjectNames names = subjectNames();
        List<ProcedureRef> refs = new java.util.ArrayList<>();
        for (ProcedureRef p : mandatory) {
            refs.add(new ProcedureRef(p.procedure().trim().toUpperCase(java.util.Locale.ROOT), names.canonical(p.subject())));
        }
        Map<String, AnalyticsSettings> byRegion = new java.util.TreeMap<>();
        regions.forEach((region, own) -> byRegion.put(region, own.canonical()));
        return new AnalyticsSettings(markers.canonical(names), list, refs, clusters, objectivity, isb, resilience, risks,
                subjects, earlyWarning, byRegion);
    }

    /** Checks the ranges and combinations the rules rely on; each message names the setting, in Russian. */
    public AnalyticsSettings validated() {
        markers.validate();
        list.validate();
        if (mandatory == null || mandatory.isEmpty()) {
            throw new IllegalArgumentException("analytics.mandatory: нужна хотя бы одна обязательная процедура");
        }
        for (ProcedureRef p : mandatory) {
            MarkerSettings.checkProcedure("analytics.mandatory", p.procedure() == null ? null
                    : p.procedure().trim().toUpperCase(java.util.Locale.ROOT));
            if (p.subject() == null || p.subject().isBlank()) {
                throw new IllegalArgumentException("analytics.mandatory: у процедуры " + p.procedure() + " не указан предмет");
            }
        }
        clusters.validate();
        objectivity.validate();
        isb.validate();
        resilience.validate();
        risks.validate();
        if (subjects == null) {
            throw new IllegalArgumentException("analytics.subjects: нужен раздел synonyms (может быть пустым)");
        }
        subjects.validate();
        if (earlyWarning == null) {
            throw new IllegalArgumentException("analytics.early-warning: нужен раздел настроек раннего предупреждения");
        }
        earlyWarning.validate();
        regions.forEach((region, own) -> {
            if (!region.matches("\\d{2}")) {
                throw new IllegalArgumentException("analytics.regions: «" + region + "» — не код субъекта РФ; укажите "
                        + "две цифры, как в справочнике школ (например, \"69\")");
            }
            if (!own.regions().isEmpty()) {
                throw new IllegalArgumentException("analytics.regions." + region + ": внутри настроек региона не может "
                        + "быть своего раздела regions");
            }
            try {
                own.validated();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("analytics.regions." + region + ": " + e.getMessage(), e);
            }
        });
        return this;
    }

    /** Range checks shared by the settings records. */
    public static final class Bounds {
        private Bounds() {
        }

        public static void share(String name, double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException(name + ": доля должна быть больше 0 и не больше 1, указано " + value);
            }
        }

        public static void positive(String name, double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException(name + ": значение должно быть положительным, указано " + value);
            }
        }

        public static void ordered(String name, double high, double medium, boolean highIsLarger) {
            if (highIsLarger ? high < medium : high > medium) {
                throw new IllegalArgumentException(name + ": порог «высокий» (" + high + ") должен быть "
                        + (highIsLarger ? "не меньше" : "не больше") + " порога «средний» (" + medium + ")");
            }
        }
    }
}
