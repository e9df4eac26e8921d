package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;

/**
 * Pulls the rows of one sheet's XML ({@code <sheetData>}) one at a time, with StAX: the pull twin of SAX, so that
 * {@link RecordSource#next()} can ask for one row without a second thread or a buffered sheet. Values are rendered
 * for loading, not for display: numbers as plain decimals with a dot (5, 0.25, 0.0001; Excel's 15 significant digits),
 * booleans true/false, date-formatted numbers as ISO dates, formulas as their cached value, shared and inline strings
 * as their text. A formula never calculated (no cached value) reads as empty.
 */
final class SheetRows implements AutoCloseable {
    static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();
    /** Excel's limit (XFD); a reference beyond it means a damaged file, not a reason to allocate more. */
    static final int MAX_COLUMNS = 16_384;
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final InputStream stream;
    private final XMLStreamReader xml;
    private final SharedStringsList strings;
    private final boolean[] dateStyles;
    private final boolean date1904;

    private String[] cells = new String[16];
    private int width;
    private int rowNumber;

    SheetRows(InputStream stream, SharedStringsList strings, boolean[] dateStyles, boolean date1904) throws XMLStreamException {
        this.stream = stream;
        this.xml = XML.createXMLStreamReader(stream);
        this.strings = strings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
    }

    /** Moves to the next row present in the sheet; false at the end of the sheet's data. */
    boolean next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                readRow();
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                return false;
            }
        }
        return false;
    }

    /** Excel's 1-based row number of the current row. */
    int rowNumber() {
        return rowNumber;
    }

    /** Cells of the current row up to its last non-empty one. */
    int width() {
        return width;
    }

    /** The current row's cell at a 0-based column: "" when absent. */
    String cell(int column) {
        return column < width ? cells[column] : "";
    }

    private void readRow() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
        Arrays.fill(cells, 0, width, "");
        width = 0;
        int nextColumn = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    nextColumn = readCell(nextColumn) + 1;
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return; // </row>
            }
        }
    }

    /** Reads one {@code <c>} and returns its column. */
    private int readCell(int defaultColumn) throws XMLStreamException {
        String ref = xml.getAttributeValue(null, "r");
        int column = ref != null ? column(ref) : defaultColumn;
        if (column < 0 || column >= MAX_COLUMNS) {
            throw new XMLStreamException("ячейка «" + ref + "» вне листа Excel (не более " + MAX_COLUMNS + " столбцов)");
        }
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = xml.getElementText();
                } else if ("is".equals(name)) {
                    inline = inlineText();
                } else {
                    skipElement(); // <f>, <extLst>
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </c>
            }
        }
        String text = render(type, style, value, inline);
        if (!text.isEmpty()) {
            if (column >= cells.length) {
                int grown = Math.max(cells.length * 2, column + 1);
                cells = Arrays.copyOf(cells, grown);
                Arrays.fill(cells, width, grown, "");
            }
            if (column >= width) {
                Arrays.fill(cells, width, column, "");
                width = column + 1;
            }
            cells[column] = text;
        }
        return column;
    }

    /** The text of an {@code <is>} (rich text runs joined; phonetic runs left out). Consumes {@code </is>}. */
    private String inlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("t".equals(name)) {
                    text.append(xml.getElementText());
                } else if ("rPh".equals(name)) {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "is".equals(xml.getLocalName())) {
                return text.toString();
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String render(String type, String style, String value, String inline) {
        if (type == null || "n".equals(type)) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            if (style != null && isDateStyle(style)) {
                return date(value);
            }
            return number(value);
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "inlineStr" -> inline != null ? inline : value == null ? "" : value;
            case "b" -> value == null ? "" : "1".equals(value) || "true".equals(value) ? "true" : "false";
            case "d" -> value == null ? "" : value.endsWith("T00:00:00") ? value.substring(0, value.length() - 9) : value;
            default -> value == null ? "" : value; // "str" (a formula's text), "e" (#N/A and other errors)
        };
    }

    private boolean isDateStyle(String style) {
        try {
            int index = Integer.parseInt(style);
            return index >= 0 && index < dateStyles.length && dateStyles[index];
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sharedString(String index) {
        if (index == null || index.isEmpty()) {
            return "";
        }
        try {
            return strings.get(Integer.parseInt(index.strip()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("ссылка на несуществующую общую строку " + index + " в строке " + rowNumber, e);
        }
    }

    private String date(String value) {
        try {
            LocalDateTime t = DateUtil.getLocalDateTime(Double.parseDouble(value), date1904);
            if (t == null) {
                return number(value);
            }
            return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.format(DATE_TIME);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** 5.0 → 5, 0.25 → 0.25, 1.0E-4 → 0.0001, 12.300000000000001 → 12.3 (Excel keeps 15 significant digits). */
    static String number(String value) {
        if (isPlainShort(value)) {
            return value;
        }
        try {
            BigDecimal d = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Already plain: digits with at most one dot not followed by trailing zeros, at most 15 digits. */
    private static boolean isPlainShort(String value) {
        int digits = 0;
        int dot = -1;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && dot < 0) {
                dot = i;
            } else if (!(c == '-' && i == 0)) {
                return false;
            }
        }
        if (digits == 0 || digits > 15) {
            return false;
        }
        if (dot >= 0) {
            char last = value.charAt(n - 1);
            return last != '0' && last != '.';
        }
        return !(value.length() > 1 && value.charAt(value.charAt(0) == '-' ? 1 : 0) == '0');
    }

    /** "AB12" → 27 (0-based column). */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader that failed: nothing left to release but the stream
        } finally {
            stream.close();
        }
    }
}
