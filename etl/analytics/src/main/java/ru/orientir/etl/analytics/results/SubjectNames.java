package ru.orientir.etl.analytics.results;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Column;

/**
 * docs/methodology.md, «Названия предметов»: one canonical name per subject, before any comparison (thresholds, ЕГЭ
 * minimum scores, mandatory procedures, grouping of results). A name is folded — lower case, ё as е, every run of
 * punctuation and spaces as one space, trimmed — and looked up in the synonym table; a name the table does not know
 * stays in its folded form. The Java and the Spark forms fold identically (the same regular expression).
 */
public final class SubjectNames {
    private static final String NOT_LETTER_OR_DIGIT = "[^\\p{L}\\p{N}]+";

    private final Map<String, String> canonicalByFolded;

    public SubjectNames(SubjectSettings settings) {
        Map<String, String> m = new LinkedHashMap<>();
        add(m, SubjectSettings.BUILT_IN);
        if (settings != null && settings.synonyms() != null) {
            add(m, settings.synonyms());
        }
        this.canonicalByFolded = m;
    }

    public static SubjectNames defaults() {
        return new SubjectNames(SubjectSettings.defaults());
    }

    private static void add(Map<String, String> m, Map<String, List<String>> synonyms) {
        for (Map.Entry<String, List<String>> e : synonyms.entrySet()) {
            String canonical = fold(e.getKey());
            m.put(canonical, canonical);
            for (String variant : e.getValue()) {
                m.put(fold(variant), canonical);
            }
        }
    }

    /** Lower case, ё as е, punctuation and spaces as single spaces, trimmed. */
    public static String fold(String name) {
        if (name == null) {
            return null;
        }
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll(NOT_LETTER_OR_DIGIT, " ").trim();
    }

    /** The canonical name of a subject as written in the settings or the data. */
    public String canonical(String name) {
        String folded = fold(name);
        return folded == null ? null : canonicalByFolded.getOrDefault(folded, folded);
    }

    /** Whether the table knows the name (as a canonical name or a variant). */
    public boolean known(String name) {
        return name != null && canonicalByFolded.containsKey(fold(name));
    }

    /** The canonical names the table knows. */
    public List<String> canonicalNames() {
        return new ArrayList<>(new java.util.LinkedHashSet<>(canonicalByFolded.values()));
    }

    /** The same folding as {@link #fold(String)}, as a Spark column. */
    public static Column fold(Column name) {
        return trim(regexp_replace(translate(lower(name), "ё", "е"), NOT_LETTER_OR_DIGIT, " "));
    }

    /** The canonical name of a subject column. */
    public Column canonical(Column name) {
        List<Column> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : canonicalByFolded.entrySet()) {
            entries.add(lit(e.getKey()));
            entries.add(lit(e.getValue()));
        }
        Column folded = fold(name);
        Column table = org.apache.spark.sql.functions.map(entries.toArray(Column[]::new));
        // try_element_at: a name the table does not know is null there, not an error in ANSI mode
        return when(name.isNotNull(), coalesce(org.apache.spark.sql.functions.try_element_at(table, folded), folded));
    }

    /** A procedure name: ВПР, ОГЭ or ЕГЭ whatever the case and spaces. */
    public static Column procedure(Column name) {
        return upper(trim(translate(name, "ё", "е")));
    }
}
