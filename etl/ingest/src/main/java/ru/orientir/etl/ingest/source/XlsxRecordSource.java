package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * One sheet of an XLSX workbook, streamed: POI's {@link XSSFReader} gives the sheet's XML part, and {@link SheetRows}
 * pulls its rows. In memory: the shared strings (every distinct text of the workbook, {@link SharedStringsList}) and
 * the styles; never the cells, so memory does not grow with the number of rows (Excel caps a sheet at 1,048,576).
 * <p>
 * A row's record: cells as text (absent cells ""), trailing empty cells cut back to the header's width (a row with no
 * value at all is blank, like an empty CSV line), line = Excel's row number, raw = the cells as one RFC 4180 CSV line
 * with {@code ,}, so quarantine shows the row. Rows Excel did not store (never filled) are not records.
 */
final class XlsxRecordSource implements RecordSource {
    private static final String DAMAGED = "файл XLSX повреждён или обрезан: ";

    private final OPCPackage pkg;
    private final String sheetName;
    private SheetRows rows;
    private final ArrayDeque<SourceRecord> pending = new ArrayDeque<>();
    private Header header;
    private long headerLine;

    private XlsxRecordSource(OPCPackage pkg, String sheetName) {
        this.pkg = pkg;
        this.sheetName = sheetName;
    }

    private record Sheet(String name, String relationId, boolean visible) {
    }

    private record Workbook(List<Sheet> sheets, boolean date1904) {
    }

    static RecordSource open(Path file, Predicate<List<String>> isHeader, SourceOptions options)
            throws UnreadableFileException {
        checkArchive(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw UnreadableFileException.because(DAMAGED + describe(e), e);
        }
        XlsxRecordSource source = null;
        List<TopRow> top;
        MergedCells merged;
        try {
            XSSFReader reader;
            try {
                reader = new XSSFReader(pkg);
            } catch (Exception e) {
                throw UnreadableFileException.because("файл — ZIP-архив, но не книга Excel XLSX (" + describe(e) + ")", e);
            }
            Workbook workbook = readWorkbook(reader);
            Sheet sheet = choose(workbook.sheets(), options.sheetName());
            SharedStringsList strings = sharedStrings(reader, options.maxSharedStringChars());
            boolean[] dateStyles = dateStyles(reader);
            source = new XlsxRecordSource(pkg, sheet.name());
            source.rows = new SheetRows(reader.getSheet(sheet.relationId()), strings, dateStyles, workbook.date1904());
            top = source.readTop(options.maxHeaderSearchRows());
            int lastTopRow = top.isEmpty() ? 0 : top.get(top.size() - 1).number();
            merged = MergedCells.read(reader.getSheet(sheet.relationId()), lastTopRow);
        } catch (UnreadableFileException e) {
            closeQuietly(source, pkg);
            throw e;
        } catch (Exception e) {
            closeQuietly(source, pkg);
            throw UnreadableFileException.because(DAMAGED + describe(e), e);
        }
        try { // outside the catch above: the caller's predicate failing is not a damaged file
            source.findHeader(top, isHeader, options.maxHeaderSearchRows(), merged);
            return source;
        } catch (UnreadableFileException | RuntimeException e) {
            closeQuietly(source, pkg);
            throw e;
        }
    }

    private static SharedStringsList sharedStrings(XSSFReader reader, long maxChars) throws Exception {
        InputStream in;
        try {
            in = reader.getSharedStringsData();
        } catch (InvalidFormatException e) {
            in = null;
        }
        if (in == null) { // a workbook with inline strings only (LibreOffice, many generators) has no such part
            return SharedStringsList.empty();
        }
        try (InputStream stream = in) {
            return SharedStringsList.read(stream, maxChars);
        } catch (SharedStringsList.TooLarge e) {
            throw UnreadableFileException.because("в книге XLSX слишком много текста в таблице общих строк (больше "
                    + maxChars + " символов): файл не загружен, чтобы не исчерпать память. Разделите книгу на "
                    + "несколько файлов или сохраните лист как CSV", e);
        }
    }

    /** A cheap look at the archive first, to tell a damaged file from a ZIP that is not a workbook. */
    private static void checkArchive(Path file) throws UnreadableFileException {
        boolean contentTypes = false;
        boolean workbook = false;
        boolean binaryWorkbook = false;
        boolean openDocument = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                workbook |= name.endsWith("workbook.xml");
                binaryWorkbook |= name.endsWith("workbook.bin");
                openDocument |= name.equals("content.xml");
            }
        } catch (IOException e) {
            throw UnreadableFileException.because(DAMAGED + "архив ZIP не читается (" + describe(e) + ")", e);
        }
        if (binaryWorkbook) {
            throw new UnreadableFileException("формат XLSB (двоичная книга Excel) не поддерживается: сохраните файл как XLSX или CSV");
        }
        if (openDocument && !contentTypes) {
            throw new UnreadableFileException("формат ODS (OpenDocument) не поддерживается: сохраните файл как XLSX или CSV");
        }
        if (!contentTypes || !workbook) {
            throw new UnreadableFileException("файл — ZIP-архив, но не книга Excel XLSX");
        }
    }

    private static Workbook readWorkbook(XSSFReader reader) throws Exception {
        List<Sheet> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = SheetRows.XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if ("workbookPr".equals(name)) {
                        String v = xml.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equals(v);
                    } else if ("sheet".equals(name)) {
                        String relationId = null;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if ("id".equals(xml.getAttributeLocalName(i)) && xml.getAttributeNamespace(i) != null) {
                                relationId = xml.getAttributeValue(i);
                            }
                        }
                        String state = xml.getAttributeValue(null, "state");
                        sheets.add(new Sheet(xml.getAttributeValue(null, "name"), relationId,
                                state == null || "visible".equals(state)));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return new Workbook(sheets, date1904);
    }

    /** The named sheet, or the first visible one (Excel's first tab), else the first. */
    private static Sheet choose(List<Sheet> sheets, String wanted) throws UnreadableFileException {
        if (sheets.isEmpty()) {
            throw new UnreadableFileException("в книге XLSX нет ни одного листа");
        }
        if (wanted != null) {
            for (Sheet s : sheets) {
                if (wanted.equals(s.name())) {
                    return s;
                }
            }
            for (Sheet s : sheets) {
                if (wanted.strip().equalsIgnoreCase(s.name().strip())) {
                    return s;
                }
            }
            List<String> names = sheets.stream().map(s -> "«" + s.name() + "»").toList();
            throw new UnreadableFileException("в книге нет листа «" + wanted + "»; листы книги: " + String.join(", ", names));
        }
        return sheets.stream().filter(Sheet::visible).findFirst().orElse(sheets.get(0));
    }

    /**
     * Which cell styles (the {@code s} of a cell, an index into {@code <cellXfs>}) show a date. Read with StAX rather
     * than POI's StylesTable, which would load the XMLBeans schema types for a few numbers.
     */
    private static boolean[] dateStyles(XSSFReader reader) throws Exception {
        InputStream in;
        try {
            in = reader.getStylesData();
        } catch (InvalidFormatException e) {
            in = null;
        }
        if (in == null) {
            return new boolean[0]; // no styles part (valid: LibreOffice and many generators omit it): no dates
        }
        Map<Integer, String> customFormats = new HashMap<>();
        List<Boolean> dates = new ArrayList<>();
        try (InputStream stream = in) {
            XMLStreamReader xml = SheetRows.XML.createXMLStreamReader(stream);
            try {
                boolean inCellXfs = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("numFmt".equals(name)) {
                            String id = xml.getAttributeValue(null, "numFmtId");
                            String code = xml.getAttributeValue(null, "formatCode");
                            if (id != null && code != null) {
                                customFormats.put(Integer.parseInt(id), code);
                            }
                        } else if ("cellXfs".equals(name)) {
                            inCellXfs = true;
                        } else if ("xf".equals(name) && inCellXfs) {
                            String id = xml.getAttributeValue(null, "numFmtId");
                            int formatId = id == null ? 0 : Integer.parseInt(id);
                            String code = customFormats.getOrDefault(formatId, BuiltinFormats.getBuiltinFormat(formatId));
                            dates.add(DateUtil.isADateFormat(formatId, code));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
                        break;
                    }
                }
            } finally {
                xml.close();
            }
        }
        boolean[] out = new boolean[dates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dates.get(i);
        }
        return out;
    }

    /** One row of the top of the sheet, kept while the header is searched for. */
    private record TopRow(int number, List<String> cells) {
    }

    /** The rows the header may be among: kept while it is searched for (a few dozen rows at most). */
    private List<TopRow> readTop(int maxRows) throws XMLStreamException {
        List<TopRow> top = new ArrayList<>();
        while (top.size() < maxRows && rows.next()) {
            top.add(new TopRow(rows.rowNumber(), currentCells(0)));
        }
        return top;
    }

    private void findHeader(List<TopRow> top, Predicate<List<String>> isHeader, int maxRows, MergedCells merged)
            throws UnreadableFileException {
        HeaderSearch.Candidate previous = null;
        int previousNumber = -1;
        for (int index = 0; index < top.size(); index++) {
            TopRow row = top.get(index);
            List<String> cells = trimTrailingEmpty(merged.spread(row.number(), HeaderSearch.trimmed(row.cells()),
                    (number, column) -> valueAt(top, number, column)));
            HeaderSearch.Candidate current = new HeaderSearch.Candidate(cells, cells, row.number() == previousNumber + 1);
            HeaderSearch.Found found = HeaderSearch.test(previous, current, isHeader);
            if (found != null) {
                header = new Header(trimTrailingEmpty(found.names()));
                headerLine = row.number();
                for (int i = 0; i <= index - found.rows(); i++) {
                    TopRow title = top.get(i);
                    List<String> fields = title.cells().isEmpty() ? List.of("") : title.cells();
                    pending.add(new SourceRecord(title.number(), fields, CsvFormat.RFC_4180.line(fields), RecordSources.TITLE_ROW_ERROR));
                }
                for (int i = index + 1; i < top.size(); i++) {
                    pending.add(record(top.get(i).number(), top.get(i).cells()));
                }
                return;
            }
            previous = current;
            previousNumber = row.number();
        }
        if (top.isEmpty()) {
            throw new UnreadableFileException("лист «" + sheetName + "» пуст");
        }
        throw new UnreadableFileException("не найдена строка заголовка в первых " + maxRows + " строках");
    }

    /** A data row: blank when it has no value, else padded with "" to the header's width. */
    private SourceRecord record(int number, List<String> cells) {
        if (cells.isEmpty()) {
            return new SourceRecord(number, List.of(""), "", null);
        }
        List<String> fields = cells;
        if (cells.size() < header.size()) {
            String[] padded = new String[header.size()];
            java.util.Arrays.fill(padded, "");
            for (int i = 0; i < cells.size(); i++) {
                padded[i] = cells.get(i);
            }
            fields = List.of(padded);
        }
        return new SourceRecord(number, fields, CsvFormat.RFC_4180.line(fields), null);
    }

    private static String valueAt(List<TopRow> top, int number, int column) {
        for (TopRow r : top) {
            if (r.number() == number) {
                return column < r.cells().size() ? r.cells().get(column).strip() : "";
            }
        }
        return "";
    }

    private static List<String> trimTrailingEmpty(List<String> cells) {
        int n = cells.size();
        while (n > 0 && cells.get(n - 1).isEmpty()) {
            n--;
        }
        return n == cells.size() ? cells : cells.subList(0, n);
    }

    /** The current row's cells, at least {@code minWidth} of them (absent ones ""), up to its last non-empty one. */
    private List<String> currentCells(int minWidth) {
        int width = Math.max(rows.width(), minWidth);
        String[] out = new String[width];
        for (int i = 0; i < width; i++) {
            out[i] = rows.cell(i);
        }
        return List.of(out);
    }

    @Override
    public Header header() {
        return header;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public String describe() {
        return "XLSX, лист «" + sheetName + "»";
    }

    @Override
    public SourceRecord next() throws IOException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        try {
            if (!rows.next()) {
                return null;
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException(DAMAGED + "ошибка после строки " + rows.rowNumber() + " (" + describe(e) + ")", e);
        }
        if (rows.width() == 0) {
            return new SourceRecord(rows.rowNumber(), List.of(""), "", null);
        }
        List<String> fields = currentCells(header.size());
        return new SourceRecord(rows.rowNumber(), fields, CsvFormat.RFC_4180.line(fields), null);
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }

    private static void closeQuietly(XlsxRecordSource source, OPCPackage pkg) {
        try {
            if (source != null) {
                source.close();
            } else {
                pkg.revert();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing with a clearer message
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (rows != null) {
                rows.close();
            }
        } finally {
            pkg.revert(); // read-only: close without writing anything back
        }
    }
}
