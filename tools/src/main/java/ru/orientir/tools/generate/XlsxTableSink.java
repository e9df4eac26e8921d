package ru.orientir.tools.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as an XLSX workbook the way regions' spreadsheets look: a title row, an
 * empty row, the Russian header (two rows with merged group cells such as «Отметка» over
 * 2/3/4/5 where the table has groups), the data as numeric and text cells, and for tables
 * that have one a closing totals row «Итого».
 *
 * <p>Streams with SXSSF: only a window of rows is in memory. Results are split into one sheet
 * per procedure (ВПР, ОГЭ, ЕГЭ); a sheet that would pass Excel's 1,048,576 rows continues on
 * «ВПР (2)» and so on, each sheet with its own title and header. The workbook's created and
 * modified dates are fixed, so the same arguments give the same file.
 */
final class XlsxTableSink implements TableSink {

    /** Procedure sheets of the results workbook, in this order whatever the data. */
    static final List<String> RESULT_SHEETS = List.of(Assessment.VPR, Assessment.OGE, Assessment.EGE);
    static final String TOTALS_LABEL = "Итого";
    private static final int PROCEDURE_COLUMN = 1;

    private final Path file;
    private final InputTable table;
    private final int year;
    private final int rowLimit;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle titleStyle;
    private final CellStyle headerStyle;
    private final CellStyle totalsStyle;
    /** Set on every plain cell: a cell without a style makes POI look up its column's style, slowly. */
    private final CellStyle plainStyle;
    private final Map<Integer, CellStyle> decimalStyles = new HashMap<>(); // looked up only
    private final Map<String, SheetCursor> sheets = new HashMap<>(); // looked up only
    private SheetCursor single;
    private long rows;

    XlsxTableSink(Path file, InputTable table, int year) {
        this(file, table, year, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** {@code rowLimit}: rows per sheet including title and header (Excel's limit; smaller in tests). */
    XlsxTableSink(Path file, InputTable table, int year, int rowLimit) {
        this.file = file;
        this.table = table;
        this.year = year;
        this.rowLimit = rowLimit;
        Font bold = workbook.createFont();
        bold.setBold(true);
        titleStyle = workbook.createCellStyle();
        titleStyle.setFont(bold);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        headerStyle.setAlignment(HorizontalAlignment.CENTER);
        headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
        plainStyle = workbook.getCellStyleAt(0);
        totalsStyle = workbook.createCellStyle();
        totalsStyle.setFont(bold);
        if (table == InputTable.RESULTS) {
            for (String procedure : RESULT_SHEETS) {
                sheets.put(procedure, start(procedure, 1));
            }
        } else {
            single = start(table.sheet(), 1);
        }
    }

    @Override
    public void row(Object... cells) throws IOException {
        SheetCursor cursor = single;
        if (cursor == null) {
            String procedure = (String) cells[PROCEDURE_COLUMN];
            cursor = sheets.get(procedure);
            if (cursor == null) {
                throw new IllegalArgumentException("no sheet for procedure " + procedure);
            }
            if (cursor.next >= rowLimit) {
                cursor = start(procedure + " (" + (cursor.part + 1) + ")", cursor.part + 1);
                sheets.put(procedure, cursor);
            }
        } else if (cursor.next >= rowLimit - (table.totals() ? 1 : 0)) {
            throw new IllegalStateException(file.getFileName() + ": more rows than one sheet holds (" + rowLimit + ")");
        }
        write(cursor.sheet.createRow(cursor.next++), cells, null);
        rows++;
    }

    @Override
    public void totals(Object... cells) {
        if (!table.totals() || single == null) {
            return;
        }
        Object[] labelled = cells.clone();
        labelled[0] = TOTALS_LABEL;
        write(single.sheet.createRow(single.next++), labelled, totalsStyle);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            Date fixed = Date.from(LocalDate.of(year, 12, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("Orientir (синтетические данные)");
            core.setTitle(table.title(year));
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } finally {
            workbook.close(); // also deletes SXSSF's temporary sheet files
        }
    }

    private SheetCursor start(String name, int part) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row titleRow = sheet.createRow(0);
        Cell title = titleRow.createCell(0);
        title.setCellValue(table.title(year) + (part > 1 ? " (продолжение)" : ""));
        title.setCellStyle(titleStyle);
        // Row 1 is left empty, as in the regions' files.
        List<Column> columns = table.columns();
        Row first = sheet.createRow(2);
        boolean twoRows = table.twoRowHeader();
        Row second = twoRows ? sheet.createRow(3) : null;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            header(first, c, column.inGroup() ? column.group() : column.russian());
            if (twoRows) {
                header(second, c, column.inGroup() ? column.sub() : null);
                if (!column.inGroup()) {
                    sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
                } else if (c == 0 || !column.group().equals(columns.get(c - 1).group())) {
                    int end = c;
                    while (end + 1 < columns.size() && column.group().equals(columns.get(end + 1).group())) {
                        end++;
                    }
                    sheet.addMergedRegion(new CellRangeAddress(2, 2, c, end));
                }
            }
            sheet.setColumnWidth(c, Math.min(60, Math.max(8, column.russian().length() + 2)) * 256);
        }
        int headerRows = twoRows ? 2 : 1;
        sheet.createFreezePane(0, 2 + headerRows);
        return new SheetCursor(sheet, 2 + headerRows, part);
    }

    private void header(Row row, int column, String text) {
        Cell cell = row.createCell(column);
        if (text != null) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(headerStyle);
    }

    private void write(Row row, Object[] cells, CellStyle style) {
        for (int c = 0; c < cells.length; c++) {
            Object value = cells[c];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(decimalStyle(d.scale()));
            } else {
                cell.setCellValue(((Number) value).doubleValue());
            }
            if (!(value instanceof BigDecimal)) {
                cell.setCellStyle(style != null ? style : plainStyle);
            }
        }
    }

    private CellStyle decimalStyle(int scale) {
        return decimalStyles.computeIfAbsent(scale, s -> {
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat(s == 0 ? "0" : "0." + "0".repeat(s)));
            return decimal;
        });
    }

    private static final class SheetCursor {
        final SXSSFSheet sheet;
        final int part;
        int next;

        SheetCursor(SXSSFSheet sheet, int next, int part) {
            this.sheet = sheet;
            this.next = next;
            this.part = part;
        }
    }
}
