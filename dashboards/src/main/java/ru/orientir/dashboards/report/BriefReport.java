package ru.orientir.dashboards.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import ru.orientir.warehouse.Warehouse;

/** {@code orientir report}: reads a municipality's brief from the warehouse and writes it as DOCX or HTML. */
public final class BriefReport {
    public enum Format { DOCX, HTML }

    private BriefReport() {
    }

    public static AnalyticalBrief write(Warehouse warehouse, String municipality, int listYear, Format format, Path out)
            throws SQLException, IOException {
        return write(warehouse, municipality, listYear, format, out, MeasureCatalogue.defaults(), null);
    }

    /**
     * The brief with the region's catalogue of measures, and its draft plan as a workbook at {@code plan} (none when
     * null).
     */
    public static AnalyticalBrief write(Warehouse warehouse, String municipality, int listYear, Format format, Path out,
                                        MeasureCatalogue catalogue, Path plan) throws SQLException, IOException {
        AnalyticalBrief brief;
        try (Connection c = warehouse.connection()) {
            brief = new BriefQuery(c).load(municipality, listYear, catalogue);
        }
        if (plan != null) {
            if (plan.toAbsolutePath().getParent() != null) {
                Files.createDirectories(plan.toAbsolutePath().getParent());
            }
            try (OutputStream o = Files.newOutputStream(plan)) {
                new PlanXlsxWriter().write(brief, o);
            }
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            if (format == Format.DOCX) {
                new DocxBriefWriter().write(brief, o);
            } else {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                new HtmlBriefWriter().write(brief, w);
                w.flush();
            }
        }
        return brief;
    }
}
