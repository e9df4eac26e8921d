package ru.orientir.tools.generate;

import java.util.Locale;
import java.util.Map;

/**
 * How a municipality spells subject names in its results files. Real regions' exports disagree: the catalogue's
 * «русский язык» arrives as «Русский язык», «РУССКИЙ ЯЗЫК» or «русский яз.», «математика профильная» as «Математика
 * (профильный уровень)». Each municipality keeps one style, by its index: 0 the catalogue's lower case, 1 capitalised
 * with the official long names, 2 upper case, 3 abbreviated.
 */
final class SubjectSpelling {
    static final int STYLES = 4;

    private static final Map<String, String> LONG = Map.of(
            "математика профильная", "Математика (профильный уровень)",
            "математика базовая", "Математика (базовый уровень)");
    private static final Map<String, String> SHORT = Map.of(
            "русский язык", "русский яз.",
            "окружающий мир", "окруж. мир",
            "английский язык", "иностранный язык (английский)");

    private SubjectSpelling() {
    }

    /** The subject as a municipality of this style writes it. */
    static String written(String subject, int municipality) {
        return switch (municipality % STYLES) {
            case 1 -> LONG.getOrDefault(subject, Character.toUpperCase(subject.charAt(0)) + subject.substring(1));
            case 2 -> subject.toUpperCase(Locale.ROOT);
            case 3 -> SHORT.getOrDefault(subject, subject);
            default -> subject;
        };
    }
}
