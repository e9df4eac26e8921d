package ru.orientir.dashboards.report;

import java.io.IOException;
import java.io.Writer;

/** Writes the brief as one self-contained HTML page (a small template, every value escaped). */
public final class HtmlBriefWriter {
    private static final String STYLE = "body{font-family:'Times New Roman',serif;max-width:1100px;margin:2em auto;}"
            + "table{border-collapse:collapse;margin:.5em 0 1em;font-size:90%;}"
            + "td,th{border:1px solid #999;padding:2px 6px;}th{background:#eee;}h1{font-size:140%;text-align:center;}"
            + "h2{font-size:120%;margin-top:1.5em;}h3{font-size:105%;}";

    public void write(AnalyticalBrief brief, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>");
        out.write(esc(BriefLayout.title(brief)));
        out.write("</title><style>" + STYLE + "</style></head><body>\n<h1>" + esc(BriefLayout.title(brief)) + "</h1>\n");
        for (BriefLayout.Block block : BriefLayout.blocks(brief)) {
            if (block instanceof BriefLayout.Heading h) {
                out.write("<h" + (h.level() + 1) + ">" + esc(h.text()) + "</h" + (h.level() + 1) + ">\n");
            } else if (block instanceof BriefLayout.Paragraph p) {
                out.write("<p>" + esc(p.text()) + "</p>\n");
            } else if (block instanceof BriefLayout.Table t) {
                out.write("<table><thead><tr>");
                for (String h : t.header()) {
                    out.write("<th>" + esc(h) + "</th>");
                }
                out.write("</tr></thead><tbody>\n");
                for (var row : t.rows()) {
                    out.write("<tr>");
                    for (String c : row) {
                        out.write("<td>" + esc(c) + "</td>");
                    }
                    out.write("</tr>\n");
                }
                out.write("</tbody></table>\n");
            }
        }
        out.write("</body></html>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
