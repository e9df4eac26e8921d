package ru.orientir.etl.analytics.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/methodology.md, «Названия предметов»: the synonym table that maps the spellings regions send to one canonical
 * subject name. Keys are the canonical names, values the variants. Variants are compared after folding (case, ё/е,
 * punctuation and spaces), so «РУССКИЙ ЯЗЫК» needs no entry; «русский яз.» and «математика профиль» do.
 * orientir.yml's {@code analytics.subjects.synonyms} is merged over the built-in table (a canonical name written
 * there adds its variants to the built-in ones).
 */
public record SubjectSettings(Map<String, List<String>> synonyms) {

    /** The built-in table: the subjects of ВПР, ОГЭ and ЕГЭ and the abbreviations seen in regions' exports. */
    public static final Map<String, List<String>> BUILT_IN = builtIn();

    public static SubjectSettings defaults() {
        return new SubjectSettings(BUILT_IN);
    }

    public void validate() {
        if (synonyms == null) {
            throw new IllegalArgumentException("analytics.subjects.synonyms: нужен словарь «название: [варианты]» (может быть пустым)");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
            if (e.getKey() == null || SubjectNames.fold(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("analytics.subjects.synonyms: пустое название предмета");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("analytics.subjects.synonyms." + e.getKey()
                        + ": нужен список вариантов написания (может быть пустым)");
            }
            for (String variant : e.getValue()) {
                String folded = variant == null ? "" : SubjectNames.fold(variant);
                if (folded.isEmpty()) {
                    throw new IllegalArgumentException("analytics.subjects.synonyms." + e.getKey()
                            + ": пустой вариант написания");
                }
                String other = seen.put(folded, e.getKey());
                if (other != null && !SubjectNames.fold(other).equals(SubjectNames.fold(e.getKey()))) {
                    throw new IllegalArgumentException("analytics.subjects.synonyms: вариант «" + variant
                            + "» указан и для «" + other + "», и для «" + e.getKey() + "»");
                }
            }
        }
    }

    private static Map<String, List<String>> builtIn() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("русский язык", List.of("русский", "русский яз", "рус яз", "рус язык", "русск яз"));
        m.put("математика", List.of("матем"));
        m.put("математика профильная", List.of("математика профильный уровень", "математика профиль",
                "математика профильного уровня", "профильная математика", "математика п", "математика проф",
                "математика профильная"));
        m.put("математика базовая", List.of("математика базовый уровень", "математика база", "математика базового уровня",
                "базовая математика", "математика б", "математика баз"));
        m.put("литература", List.of("литер"));
        m.put("литературное чтение", List.of("лит чтение"));
        m.put("окружающий мир", List.of("окруж мир"));
        m.put("физика", List.of());
        m.put("химия", List.of());
        m.put("биология", List.of());
        m.put("география", List.of());
        m.put("история", List.of());
        m.put("обществознание", List.of("общество"));
        m.put("информатика", List.of("информатика и икт", "информатика и информационно коммуникационные технологии икт",
                "икт"));
        m.put("английский язык", List.of("английский", "англ яз", "иностранный язык английский",
                "иностранный язык английский язык"));
        m.put("немецкий язык", List.of("немецкий", "нем яз", "иностранный язык немецкий", "иностранный язык немецкий язык"));
        m.put("французский язык", List.of("французский", "франц яз", "иностранный язык французский",
                "иностранный язык французский язык"));
        m.put("испанский язык", List.of("испанский", "исп яз", "иностранный язык испанский",
                "иностранный язык испанский язык"));
        m.put("китайский язык", List.of("китайский", "кит яз", "иностранный язык китайский",
                "иностранный язык китайский язык"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
