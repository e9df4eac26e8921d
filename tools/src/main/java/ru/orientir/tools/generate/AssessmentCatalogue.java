package ru.orientir.tools.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The one catalogue of assessments, as other tools read it: the region generator draws its students from
 * {@link Assessments}, and the country snapshot (benchmarks) draws its school-level rows from these entries, so the two
 * never disagree about which procedures, grades, subjects and score scales exist.
 */
public final class AssessmentCatalogue {

    /**
     * One procedure as a school-level generator needs it.
     *
     * @param participation the share of the grade's cohort that sits it (1 for a mandatory one; for a subject by choice,
     *                      its weight among the choices times the number of choices a student makes on average)
     * @param mark2         the share of mark 2 (ЕГЭ: below the minimum) at an average school of the region
     * @param minScore      the ЕГЭ minimum score, null elsewhere and for ЕГЭ базовая математика (marks only)
     * @param rotation      for a ВПР subject drawn per class, its position among the grade's {@code rotations} subjects
     */
    public record Entry(String procedure, int grade, String subject, double participation, double mark2, int maxScore,
                        Integer minScore, Integer rotation, Integer rotations) {
    }

    /** ОГЭ: two subjects by choice per student. */
    private static final double OGE_CHOICES = 2.0;
    /** ЕГЭ: one subject by choice, and a second one for 40 % of students (as {@link ResultsSimulator} draws them). */
    private static final double EGE_CHOICES = 1.4;
    /** ЕГЭ profile mathematics at an ordinary urban school; the rest sit the basic level. */
    private static final double EGE_PROFILE_SHARE = 0.45;

    private AssessmentCatalogue() {
    }

    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Assessment a : Assessments.VPR_4) {
            entries.add(entry(a, 1.0, null, null));
        }
        for (int g = 0; g < Assessments.VPR_MANDATORY.size(); g++) {
            for (Assessment a : Assessments.VPR_MANDATORY.get(g)) {
                entries.add(entry(a, 1.0, null, null));
            }
            List<Assessment> rotating = Assessments.VPR_ROTATING.get(g);
            for (int r = 0; r < rotating.size(); r++) {
                entries.add(entry(rotating.get(r), 1.0, r, rotating.size()));
            }
        }
        for (Assessment a : Assessments.OGE_MANDATORY) {
            entries.add(entry(a, 1.0, null, null));
        }
        addChoices(entries, Assessments.OGE_ELECTIVES, Assessments.OGE_CHOICE_WEIGHTS, OGE_CHOICES);
        entries.add(entry(Assessments.EGE_RUSSIAN, 1.0, null, null));
        entries.add(entry(Assessments.EGE_MATH_PROFILE, EGE_PROFILE_SHARE, null, null));
        entries.add(entry(Assessments.EGE_MATH_BASIC, 1 - EGE_PROFILE_SHARE, null, null));
        addChoices(entries, Assessments.EGE_ELECTIVES, Assessments.EGE_CHOICE_WEIGHTS, EGE_CHOICES);
        return List.copyOf(entries);
    }

    private static void addChoices(List<Entry> entries, List<Assessment> electives, double[] weights, double choices) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int e = 0; e < electives.size(); e++) {
            entries.add(entry(electives.get(e), Math.min(1.0, choices * weights[e] / total), null, null));
        }
    }

    private static Entry entry(Assessment a, double participation, Integer rotation, Integer rotations) {
        Integer minScore = a.ege() && a.scored() ? a.scale().cut3() : null;
        return new Entry(a.procedure(), a.grade(), a.subject(), participation, a.share2(), a.scale().max(), minScore,
                rotation, rotations);
    }
}
