package ru.orientir.tools.generate;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Where the rows of one generated file go, whatever the flavour. Cells are {@link String}
 * (text), {@link Integer} or {@link Long} (whole numbers), {@link BigDecimal} (decimals at
 * their scale) or {@code null} (empty).
 */
interface TableSink extends Closeable {

    void row(Object... cells) throws IOException;

    /**
     * The totals row «Итого» that regions' spreadsheets end with: written by the XLSX
     * flavour for tables that have one, ignored by CSV (a CSV file is data only).
     */
    void totals(Object... cells) throws IOException;

    /** Data rows written so far (not the header, title or totals). */
    long rows();

    Path file();

    /** Opens the file for a table and year ({@code null} for the schools file) in the flavour. */
    static TableSink open(GeneratorOptions.Format format, InputTable table, Integer year, Path dir) throws IOException {
        boolean plain = table == InputTable.SCHOOLS || table == InputTable.OFFICIAL_LIST;
        return switch (format) {
            case CSV -> CsvTableSink.english(dir.resolve(table.fileName(year, "csv")), table);
            case CSV_RU -> CsvTableSink.russian(dir.resolve(table.fileName(year, "csv")), table);
            // The reference files stay CSV in every flavour: regions keep them as exported.
            case XLSX -> plain
                    ? CsvTableSink.english(dir.resolve(table.fileName(year, "csv")), table)
                    : new XlsxTableSink(dir.resolve(table.fileName(year, "xlsx")), table, year);
        };
    }

    /** A decimal rounded half-up to {@code scale} places, computed without binary-fraction surprises. */
    static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
