package ru.orientir.jobs.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.csv.FormulaGuard;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/** Exports never hand a spreadsheet a formula to run, and never change a number (CSV formula injection). */
class MartExporterTest {

    @Test
    void textThatAFormulaWouldStartGetsAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR")) {
            assertEquals("'" + formula, FormulaGuard.text(formula));
        }
        for (String plain : List.of("Школа № 1", "1-я школа", "'quoted", " =not first", "a=b")) {
            assertEquals(plain, FormulaGuard.text(plain));
        }
        assertEquals("", FormulaGuard.text(""));
        assertEquals(null, FormulaGuard.text(null));
    }

    @Test
    void quarantineAndMartsAreSafeAndNumbersStayNumbers(@TempDir Path home) throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(home))) {
            w.migrate();
            try (Connection c = w.connection()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO meta_quarantine (load_id, file, line, field, reason, raw) VALUES ('L1', ?, 7, 'name', ?, ?)")) {
                    ps.setString(1, "@schools.csv");
                    ps.setString(2, "-поле пустое");
                    ps.setString(3, "=HYPERLINK(\"http://evil.example\",\"x\"),+7,\tкод");
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO resilience (run_id, year, school_id, isb, result_index, residual, std_residual, "
                            + "better_than_expected, resilient, training_site, training_site_reason, region) "
                            + "VALUES ('R1', 2024, '-A', 12.5, -0.53, -1.25, -0.9, false, false, false, NULL, '69')");
                }
            }
            MartExporter exporter = new MartExporter(w);
            StringWriter quarantine = new StringWriter();
            exporter.exportCsv("quarantine", quarantine);
            assertEquals("""
                    load_id,file,line,reason,raw
                    L1,'@schools.csv,7,'-поле пустое,"'=HYPERLINK(""http://evil.example"",""x""),+7,\tкод"
                    """, quarantine.toString());
            StringWriter resilience = new StringWriter();
            exporter.exportCsv("resilience", resilience);
            assertEquals("""
                    year,school_id,isb,result_index,residual,resilient,region
                    2024,'-A,12.5,-0.53,-1.25,false,69
                    """, resilience.toString());
        }
    }
}
