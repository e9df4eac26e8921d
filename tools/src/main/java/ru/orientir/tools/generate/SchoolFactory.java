package ru.orientir.tools.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the schools of each municipality: numbered schools in cities and district centres,
 * village schools named after their village, with types, small-school flags and sizes drawn
 * the way a Siberian region looks (many small rural ООШ and НОШ, large urban СОШ,
 * gymnasiums and lyceums in towns).
 */
final class SchoolFactory {

    /** The region's code that school ids start with, like the ФИС ОКО logins. */
    static final String REGION_CODE = "55";

    private static final String[] HONOREES = {
        "имени А. С. Пушкина", "имени М. В. Ломоносова", "имени Ю. А. Гагарина",
        "имени Героя Советского Союза А. П. Маресьева", "имени Л. Н. Толстого", "имени Д. И. Менделеева",
    };

    // Two of the three contain a comma: real names do, and they exercise CSV quoting.
    private static final String[] PROFILES = {
        "с углублённым изучением отдельных предметов",
        "с углублённым изучением математики, физики и информатики",
        "с углублённым изучением русского языка, литературы и истории",
    };

    // Shares of СОШ, ООШ, НОШ, гимназия, лицей (SchoolType order) by place.
    private static final double[] CITY_MIX = {0.74, 0.04, 0.02, 0.11, 0.09};
    private static final double[] TOWN_MIX = {0.85, 0.03, 0.0, 0.07, 0.05};
    private static final double[] VILLAGE_MIX = {0.48, 0.38, 0.14, 0.0, 0.0};

    private final SplittableRandom random;
    private final int idWidth;
    private int nextId = 1;

    SchoolFactory(SplittableRandom random, int totalSchools) {
        this.random = random;
        this.idWidth = Math.max(4, Integer.toString(totalSchools).length());
    }

    /** Creates {@code counts[m]} schools in municipality {@code m}, ids in that order. */
    List<SyntheticSchool> create(List<Municipality> municipalities, int[] counts) {
        List<SyntheticSchool> schools = new ArrayList<>();
        for (int m = 0; m < municipalities.size(); m++) {
            addMunicipality(schools, m, municipalities.get(m), counts[m]);
        }
        return schools;
    }

    private void addMunicipality(List<SyntheticSchool> schools, int index, Municipality municipality, int count) {
        Place centre = municipality.centre();
        int inCentre = municipality.city() ? count
                : Math.min(count, Math.max(1, (int) Math.round(count * (centre.urban() ? 0.22 : 0.12))));
        NumberSeries numbers = new NumberSeries();
        for (int i = 0; i < inCentre; i++) {
            schools.add(centreSchool(index, municipality, inCentre > 1 ? numbers.next() : 0));
        }
        Map<String, Integer> schoolsPerVillage = new HashMap<>(); // looked up only, never iterated
        for (int i = inCentre; i < count; i++) {
            Place village = freshVillage(schoolsPerVillage);
            int already = schoolsPerVillage.merge(village.name(), 1, Integer::sum) - 1;
            schools.add(villageSchool(index, village, already == 0 ? 0 : already + 1));
        }
    }

    private SyntheticSchool centreSchool(int municipality, Municipality where, int number) {
        Place centre = where.centre();
        boolean city = where.city();
        boolean urban = centre.urban();
        SchoolType type = pick(city ? CITY_MIX : TOWN_MIX);
        if (number == 0 && type.selective()) {
            number = 1; // "Гимназия" alone is not a name; a lone town gymnasium is № 1
        }
        boolean small = !type.selective() && random.nextDouble() < (city ? 0.01 : urban ? 0.03 : 0.08);
        String body;
        if (type.selective()) {
            body = (type == SchoolType.GYMNASIUM ? "Гимназия" : "Лицей") + " № " + number + honoree(0.08);
        } else if (city) {
            body = capitalise(fullType(type)) + " № " + number + profile(type) + honoree(0.05);
        } else {
            body = centre.adjective() + " " + fullType(type) + (number > 0 ? " № " + number : "") + honoree(0.05);
        }
        String name = type.selective() && random.nextDouble() < 0.25
                ? body // lyceums and gymnasiums are often listed by their own name alone
                : legalForm(urban) + " " + quote(body);
        return school(name, municipality, centre.label(), urban, type, small);
    }

    private SyntheticSchool villageSchool(int municipality, Place village, int number) {
        SchoolType type = pick(VILLAGE_MIX);
        double smallShare = switch (type) {
            case PRIMARY -> 0.95;
            case BASIC -> 0.70;
            default -> 0.25;
        };
        boolean small = random.nextDouble() < smallShare;
        String kind = type == SchoolType.PRIMARY && random.nextDouble() < 0.3
                ? "начальная школа – детский сад"
                : random.nextDouble() < 0.2 ? type.label() : fullType(type);
        String body = village.adjective() + " " + kind + (number > 0 ? " № " + number : "")
                + (type == SchoolType.SECONDARY ? honoree(0.03) : "");
        return school(legalForm(false) + " " + quote(body), municipality, village.label(), false, type, small);
    }

    private SyntheticSchool school(String name, int municipality, String settlement, boolean urban,
            SchoolType type, boolean small) {
        String id = REGION_CODE + zeroPadded(nextId++);
        return new SyntheticSchool(id, name, municipality, settlement, urban, type, small,
                students(type, urban, small));
    }

    /** Small schools 10–100 (most near the bottom); others 100–1500 by type and place. */
    private int students(SchoolType type, boolean urban, boolean small) {
        if (small) {
            return 10 + (int) (90 * Math.pow(random.nextDouble(), 1.4));
        }
        if (type.selective()) {
            return between(500, 1500);
        }
        return switch (type) {
            case PRIMARY -> between(100, urban ? 400 : 180);
            case BASIC -> between(100, urban ? 500 : 220);
            default -> urban ? between(350, 1500) : between(100, 450);
        };
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Avoids repeating a village inside a district; a district bigger than the pool repeats some. */
    private Place freshVillage(Map<String, Integer> used) {
        Place village = Villages.next(random);
        for (int attempt = 0; attempt < 8 && used.containsKey(village.name()); attempt++) {
            village = Villages.next(random);
        }
        return village;
    }

    private String legalForm(boolean urban) {
        double t = random.nextDouble();
        if (urban) {
            return t < 0.55 ? "МБОУ" : t < 0.75 ? "БОУ" : t < 0.90 ? "МАОУ" : "МОУ";
        }
        return t < 0.50 ? "МКОУ" : t < 0.85 ? "МБОУ" : "МОУ";
    }

    /** Registries mix «ёлочки» with straight quotes; the straight ones exercise CSV quote doubling. */
    private String quote(String body) {
        return random.nextDouble() < 0.12 ? "\"" + body + "\"" : "«" + body + "»";
    }

    private String honoree(double share) {
        return random.nextDouble() < share ? " " + HONOREES[random.nextInt(HONOREES.length)] : "";
    }

    private String profile(SchoolType type) {
        return type == SchoolType.SECONDARY && random.nextDouble() < 0.10
                ? " " + PROFILES[random.nextInt(PROFILES.length)] : "";
    }

    private static String fullType(SchoolType type) {
        return switch (type) {
            case SECONDARY -> "средняя общеобразовательная школа";
            case BASIC -> "основная общеобразовательная школа";
            case PRIMARY -> "начальная общеобразовательная школа";
            case GYMNASIUM -> "гимназия";
            case LYCEUM -> "лицей";
        };
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Draws a type with the shares of the mix (in enum order). */
    private SchoolType pick(double[] mix) {
        double t = random.nextDouble();
        SchoolType[] types = SchoolType.values();
        for (int k = 0; k < mix.length; k++) {
            t -= mix[k];
            if (t < 0) {
                return types[k];
            }
        }
        return SchoolType.SECONDARY; // rounding left over
    }

    private String zeroPadded(int number) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, idWidth - digits.length())) + digits;
    }

    /** School numbers in a town: increasing, with the gaps closed and merged schools leave. */
    private final class NumberSeries {
        private int last;

        int next() {
            last += 1 + (random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0);
            return last;
        }
    }
}
