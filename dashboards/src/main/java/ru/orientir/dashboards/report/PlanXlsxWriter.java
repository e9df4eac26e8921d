package ru.orientir.dashboards.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ru.orientir.dashboards.report.Problem.Unit;

/**
 * Writes the draft plan as the workbook the municipality edits and returns (docs/methodology.md §13.2): one sheet
 * «План», the columns of {@link DraftPlan#COLUMNS} in their order on the first row, one measure per row; the deadline
 * a date cell, shares numbers in per cent, the status «не начато» with a list of the allowed statuses, the owner and
 * the actual value empty. Orientir's ingest reads the returned file as the kind «план мероприятий».
 */
public final class PlanXlsxWriter {

    public void write(AnalyticalBrief brief, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("План");
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0%"));
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0##"));
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            XSSFRow head = sheet.createRow(0);
            for (int c = 0; c < DraftPlan.COLUMNS.size(); c++) {
                XSSFCell cell = head.createCell(c);
                cell.setCellValue(DraftPlan.COLUMNS.get(c));
                cell.setCellStyle(header);
            }
            List<DraftPlan.Row> rows = brief.plan();
            for (int i = 0; i < rows.size(); i++) {
                DraftPlan.Row r = rows.get(i);
                XSSFRow row = sheet.createRow(i + 1);
                text(row, 0, r.measure()).setCellStyle(wrap);
                row.createCell(1).setCellValue(r.track());
                text(row, 2, r.schoolsCell());
                XSSFCell deadline = row.createCell(3);
                deadline.setCellValue(r.deadline());
                deadline.setCellStyle(date);
                text(row, 4, "");
                text(row, 5, r.indicator()).setCellStyle(wrap);
                value(row, 6, r.baseline(), r.unit() == Unit.SHARE ? percent : number);
                value(row, 7, r.target(), r.unit() == Unit.SHARE ? percent : number);
                text(row, 8, DraftPlan.STATUSES.get(DraftPlan.STATUSES.size() - 1));
                row.createCell(9).setCellStyle(r.unit() == Unit.SHARE ? percent : number);
                text(row, 10, brief.municipality());
                row.createCell(11).setCellValue(brief.listYear());
                text(row, 12, r.type());
                text(row, 13, r.namesCell()).setCellStyle(wrap);
            }
            if (!rows.isEmpty()) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation statuses = helper.createValidation(
                        helper.createExplicitListConstraint(DraftPlan.STATUSES.toArray(String[]::new)),
                        new CellRangeAddressList(1, rows.size() + 200, 8, 8));
                statuses.setShowErrorBox(true);
                statuses.createErrorBox("Статус", "Выберите статус из списка: " + String.join(", ", DraftPlan.STATUSES));
                sheet.addValidationData(statuses);
                DataValidation tracks = helper.createValidation(helper.createExplicitListConstraint(
                        new String[] {"1", "2", "3"}), new CellRangeAddressList(1, rows.size() + 200, 1, 1));
                tracks.setShowErrorBox(true);
                sheet.addValidationData(tracks);
            }
            int[] widths = {60, 6, 18, 12, 24, 40, 14, 14, 14, 14, 22, 10, 16, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
        }
    }

    private static XSSFCell text(XSSFRow row, int column, String value) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    private static void value(XSSFRow row, int column, Double value, CellStyle style) {
        XSSFCell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }
}
