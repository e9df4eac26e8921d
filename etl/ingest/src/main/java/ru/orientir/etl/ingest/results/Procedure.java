package ru.orientir.etl.ingest.results;

import java.util.Locale;

import ru.orientir.etl.ingest.FieldException;

/** The assessment procedures (docs/methodology.md): ВПР grades 4–8 and 10–11, ОГЭ grade 9, ЕГЭ grade 11. */
public enum Procedure {
    VPR("ВПР", 4, 11, 100), OGE("ОГЭ", 9, 9, 100), EGE("ЕГЭ", 10, 12, 100);

    private final String label;
    private final int minGrade;
    private final int maxGrade;
    private final int maxScore;

    Procedure(String label, int minGrade, int maxGrade, int maxScore) {
        this.label = label;
        this.minGrade = minGrade;
        this.maxGrade = maxGrade;
        this.maxScore = maxScore;
    }

    public String label() {
        return label;
    }

    /** ЕГЭ: test score 0–100; ВПР and ОГЭ: primary score, bounded by 100 here (subject maxima are configuration). */
    public int maxScore() {
        return maxScore;
    }

    public static Procedure parse(String text, String column) throws FieldException {
        switch (text.strip().toUpperCase(Locale.ROOT).replace('Ё', 'Е')) {
            case "ВПР", "VPR" -> {
                return VPR;
            }
            case "ОГЭ", "OGE", "ГИА-9" -> {
                return OGE;
            }
            case "ЕГЭ", "EGE", "ГИА-11" -> {
                return EGE;
            }
            default -> throw new FieldException(column, "«" + text + "» — неизвестная процедура (ожидается ВПР, ОГЭ или ЕГЭ)");
        }
    }

    public void checkGrade(int grade, String column) throws FieldException {
        if (grade < minGrade || grade > maxGrade) {
            throw new FieldException(column, grade + " — класс не подходит для " + label + " (ожидается "
                    + (minGrade == maxGrade ? Integer.toString(minGrade) : minGrade + "–" + maxGrade) + ")");
        }
    }
}
