package ru.orientir.dashboards.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Writes the brief as a Word document (DOCX, Apache POI XWPF). */
public final class DocxBriefWriter {
    private static final String FONT = "Times New Roman";

    public void write(AnalyticalBrief brief, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(BriefLayout.title(brief));
            doc.getProperties().getCoreProperties().setCreator("Orientir");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, BriefLayout.title(brief), 16, true);
            for (BriefLayout.Block block : BriefLayout.blocks(brief)) {
                if (block instanceof BriefLayout.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBefore(240);
                    run(p, h.text(), h.level() == 1 ? 14 : 12, true);
                } else if (block instanceof BriefLayout.Paragraph para) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.BOTH);
                    run(p, para.text(), 12, false);
                } else if (block instanceof BriefLayout.Table t) {
                    table(doc, t);
                }
            }
            doc.write(out);
        }
    }

    private static void table(XWPFDocument doc, BriefLayout.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        fill(table.getRow(0), t.header(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c), 10, bold);
        }
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
    }
}
