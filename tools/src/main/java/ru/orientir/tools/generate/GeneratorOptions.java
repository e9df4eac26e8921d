package ru.orientir.tools.generate;

import java.util.Locale;
import java.util.Objects;

/**
 * How {@link RegionGenerator} writes the region: the file flavour and which kind of results
 * file (student level, school aggregates, or none).
 */
public record GeneratorOptions(Format format, Results results) {

    /** What {@code bin/orientir generate} and the demo write unless told otherwise. */
    public static final GeneratorOptions DEFAULTS = new GeneratorOptions(Format.CSV, Results.STUDENT);

    public GeneratorOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(results, "results");
    }

    /** The file flavour. */
    public enum Format {
        /** UTF-8 without BOM, comma, dot decimals, English headers, LF line ends. */
        CSV("csv"),
        /** windows-1251, semicolon, decimal comma, Russian headers, CRLF line ends (as Excel saves them). */
        CSV_RU("csv-ru"),
        /** One workbook per file kind and year, Russian headers, title row, totals rows. */
        XLSX("xlsx");

        private final String option;

        Format(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }

        /** Parses the command-line spelling ({@code csv}, {@code csv-ru}, {@code xlsx}). */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.option.equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv, csv-ru or xlsx, got \"" + text + "\"");
        }
    }

    /** Which results file to write per assessment year. */
    public enum Results {
        STUDENT, AGGREGATE, NONE;

        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Results parse(String text) {
            for (Results r : values()) {
                if (r.option().equalsIgnoreCase(text.strip())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("results must be student, aggregate or none, got \"" + text + "\"");
        }
    }
}
