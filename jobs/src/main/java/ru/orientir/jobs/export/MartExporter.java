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
import java.util.Set;

import ru.orientir.jobs.csv.CsvWriter;
import ru.orientir.jobs.csv.FormulaGuard;
import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;

/**
 * {@code export MART --format csv}: the query in {@code sql/export/<mart>.sql}, header first. Values are written
 * the same way on both engines: booleans as true/false, NULL as an empty field, decimals with a dot and no
 * trailing zeros. A text value that a spreadsheet would run as a formula gets a leading apostrophe
 * ({@link FormulaGuard}); numbers are never changed.
 */
public final class MartExporter {
    public static final Set<String> MARTS = Set.of("list_transitions", "school_status", "list_membership", "loads", "quarantine",
            "markers", "list_agreement", "objectivity", "isb", "resilience", "risk_profile");

    private final Warehouse warehouse;

    public MartExporter(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Refuses a name that is no export, before anything is opened. */
    public static void requireKnown(String mart) {
        if (!MARTS.contains(mart)) {
            throw new IllegalArgumentException("Неизвестная витрина «" + mart + "»; доступны: " + String.join(", ", sorted()));
        }
    }

    public long exportCsv(String mart, Writer out) throws IOException, SQLException {
        if (!MARTS.contains(mart)) {
            throw new IllegalArgumentException("Неизвестная витрина «" + mart + "»; доступны: " + String.join(", ", sorted()));
        }
        CsvWriter csv = new CsvWriter(out);
        long rows = 0;
        try (Connection c = warehouse.connection();
             PreparedStatement ps = c.prepareStatement(SqlResource.load("sql/export/" + mart + ".sql"));
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

    public static List<String> sorted() {
        return MARTS.stream().sorted().toList();
    }
}
