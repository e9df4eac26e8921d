package ru.orientir.jobs.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import ru.orientir.jobs.csv.CsvWriter;
import ru.orientir.jobs.csv.FormulaGuard;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.marts.MartDescriptor;
import ru.orientir.warehouse.marts.Marts;

/**
 * {@code export MART --format csv}: the query of a mart registered in {@link Marts}, header first. Values are written
 * the same way on both engines: booleans as true/false, NULL as an empty field, decimals with a dot and no
 * trailing zeros. A text value that a spreadsheet would run as a formula gets a leading apostrophe
 * ({@link FormulaGuard}); numbers are never changed.
 */
public final class MartExporter {
    private final Warehouse warehouse;

    public MartExporter(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Refuses a name that is no export, before anything is opened. */
    public static MartDescriptor requireKnown(String mart) {
        return Marts.find(mart).orElseThrow(() -> new IllegalArgumentException("Неизвестная витрина «" + mart
                + "»; доступны: " + String.join(", ", Marts.names()) + " (описания: bin/orientir export --help)"));
    }

    public long exportCsv(String mart, Writer out) throws IOException, SQLException {
        MartDescriptor descriptor = requireKnown(mart);
        CsvWriter csv = new CsvWriter(out);
        long rows = 0;
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement(SqlResource.load(descriptor.exportSql()));
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i));
            }
            csv.writeRow(header);
            List<String> values = new ArrayList<>(header.size());
            while (rs.next()) {
                values.clear();
                for (int i = 1; i <= header.size(); i++) {
                    values.add(format(rs.getObject(i)));
                }
                csv.writeRow(values);
                rows++;
            }
        }
        csv.flush();
        return rows;
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return FormulaGuard.text(text);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal d = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
            d = d.stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        return value.toString();
    }
}
