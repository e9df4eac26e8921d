package ru.orientir.etl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.orientir.etl.ingest.source.SourceFixtures.columns;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.source.SourceRecord;

/** Memory does not grow with the file; throughput is printed for the record. */
class SourceScaleTest {
    private static final int CSV_ROWS = 1_500_000;
    /** 20k rows by default (the merges still come megabytes after the header); 200k with -Dorientir.perf=true. */
    private static final int XLSX_ROWS = Boolean.getBoolean("orientir.perf") ? 200_000 : 20_000;

    @TempDir
    Path dir;

    @Test
    void streamingALargeCsvKeepsHeapFlat() throws Exception {
        Path f = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, Charset.forName("windows-1251"))) {
            w.write("Результаты ВПР;;;\n");
            w.write("Код ОО;Название;Класс;Балл\n");
            for (int i = 0; i < CSV_ROWS; i++) {
                w.write(Integer.toString(100000 + i));
                w.write(";Школа №");
                w.write(Integer.toString(i % 1500));
                w.write(";\"5, литер А\";");
                w.write(Integer.toString(i % 30));
                w.write(",5\n");
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> usedAfterGc = new ArrayList<>();
        long records = 0;
        long started = System.nanoTime();
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Балл"), SourceOptions.defaults())) {
            assertEquals("CSV, кодировка windows-1251, разделитель «;»", s.describe());
            SourceRecord r;
            while ((r = s.next()) != null) {
                records++;
                if (records % 500_000 == 0) {
                    assertEquals(4, r.fields().size());
                    memory.gc();
                    usedAfterGc.add(memory.getHeapMemoryUsage().getUsed());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(CSV_ROWS + 1, records, "the title row and every data row");
        System.out.printf("RecordSource CSV: %,d records, %.1f MB, in %.2f s = %,.0f records/s; heap after GC: %s%n",
                records, Files.size(f) / 1e6, seconds, records / seconds, usedAfterGc);
        long growth = usedAfterGc.get(usedAfterGc.size() - 1) - usedAfterGc.get(0);
        assertTrue(growth < 16L << 20, "heap grew by " + growth + " bytes between 0.5M and 1.5M records");
    }

    @Test
    void streamingALargeWorkbookWithItsMergesAtTheEnd() throws Exception {
        Path f = dir.resolve("big.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Sheet s = wb.createSheet("Результаты");
            s.createRow(0).createCell(0).setCellValue("Результаты ОГЭ");
            // a two-row header: «Результат» merged over «Балл» and «Отметка»; the merges are written after 200k rows
            Row h = s.createRow(1);
            String[] names = {"Код ОО", "Предмет", "Класс", "Результат", "", "Участник", "Доля"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            Row h2 = s.createRow(2);
            h2.createCell(3).setCellValue("Балл");
            h2.createCell(4).setCellValue("Отметка");
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 3, 4));
            for (int c : new int[] {0, 1, 2, 5, 6}) {
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 2, c, c));
            }
            for (int r = 0; r < XLSX_ROWS; r++) {
                Row row = s.createRow(r + 3);
                row.createCell(0).setCellValue("0" + (1000 + r % 1500));
                row.createCell(1).setCellValue(r % 2 == 0 ? "Математика" : "Русский язык");
                row.createCell(2).setCellValue(9);
                row.createCell(3).setCellValue(r % 31);
                row.createCell(4).setCellValue(2 + r % 4);
                row.createCell(5).setCellValue("P" + r);
                row.createCell(6).setCellValue((r % 100) / 100.0);
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        long records = 0;
        long started = System.nanoTime();
        try (RecordSource s = RecordSources.open(f, columns("Код ОО", "Результат Балл", "Результат Отметка"),
                SourceOptions.defaults())) {
            assertEquals(3, s.headerLine());
            assertEquals(List.of("Код ОО", "Предмет", "Класс", "Результат Балл", "Результат Отметка", "Участник", "Доля"),
                    s.header().names());
            SourceRecord r;
            while ((r = s.next()) != null) {
                records++;
                if (records == 2) {
                    assertEquals(List.of("01000", "Математика", "9", "0", "2", "P0", "0"), r.fields());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(XLSX_ROWS + 1, records);
        System.out.printf("RecordSource XLSX: %,d records (7 columns), %.1f MB, in %.2f s = %,.0f records/s%n",
                records, Files.size(f) / 1e6, seconds, records / seconds);
    }
}
