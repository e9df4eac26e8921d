package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;

/**
 * The merged regions of a sheet that start among its top rows. In the sheet XML, {@code <mergeCells>} comes after
 * {@code <sheetData>}, so this is a first, cheap pass over the sheet: a byte scan for the {@code <mergeCells>} tag
 * (the text {@code <mergeCells} cannot occur inside cell data, where {@code <} is escaped), then StAX over that element
 * only. Costs one inflation of the sheet, a fraction of parsing it.
 */
final class MergedCells {
    private static final byte[] TAG = "mergeCells".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int[] SHIFT = shifts();
    private static final XMLInputFactory FRAGMENT_XML = fragmentFactory();

    private final List<CellRangeAddress> regions;

    private MergedCells(List<CellRangeAddress> regions) {
        this.regions = regions;
    }

    private static int[] shifts() {
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, TAG.length);
        for (int j = 0; j < TAG.length - 1; j++) {
            shift[TAG[j] & 0xFF] = TAG.length - 1 - j;
        }
        return shift;
    }

    private static XMLInputFactory fragmentFactory() {
        XMLInputFactory f = XMLHelper.newXMLInputFactory();
        // the fragment starts at <mergeCells>: a namespace prefix declared on <worksheet> is not in scope there
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    /** Regions whose first row (1-based) is at most {@code lastTopRow}. */
    static MergedCells read(InputStream sheet, int lastTopRow) throws XMLStreamException, IOException {
        List<CellRangeAddress> regions = new ArrayList<>();
        try (sheet) {
            InputStream fragment = fragment(sheet);
            if (fragment == null) {
                return new MergedCells(regions);
            }
            XMLStreamReader xml = FRAGMENT_XML.createXMLStreamReader(fragment);
            try {
                int depth = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if ("mergeCell".equals(local(xml.getLocalName()))) {
                            String ref = xml.getAttributeValue(null, "ref");
                            if (ref != null && ref.contains(":")) {
                                CellRangeAddress region = CellRangeAddress.valueOf(ref);
                                if (region.getFirstRow() + 1 <= lastTopRow) {
                                    regions.add(region);
                                }
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                        break; // </mergeCells>: the rest of the sheet is not needed
                    }
                }
            } finally {
                xml.close();
            }
        }
        return new MergedCells(regions);
    }

    private static String local(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The sheet from its {@code <mergeCells} (or {@code <x:mergeCells}) tag on, or null if it has none. */
    private static InputStream fragment(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int keep = 0; // bytes carried over from the previous block, so a tag split by a block boundary is found
        while (true) {
            int n = in.readNBytes(buffer, keep, buffer.length - keep);
            int end = keep + n;
            // Boyer–Moore–Horspool: most positions are skipped by the tag's length
            for (int i = 1; i + TAG.length <= end; i += SHIFT[buffer[i + TAG.length - 1] & 0xFF]) {
                if (matches(buffer, i) && (buffer[i - 1] == '<' || buffer[i - 1] == ':')) {
                    int start = i - 1;
                    while (start > 0 && buffer[start] != '<' && i - start < 64) {
                        start--;
                    }
                    if (buffer[start] == '<') {
                        byte[] head = java.util.Arrays.copyOfRange(buffer, start, end);
                        return new SequenceInputStream(new ByteArrayInputStream(head), in);
                    }
                }
            }
            if (n < buffer.length - keep) {
                return null; // readNBytes reads short only at the end of the stream
            }
            keep = 80;
            System.arraycopy(buffer, end - keep, buffer, 0, keep);
        }
    }

    private static boolean matches(byte[] buffer, int at) {
        for (int j = 0; j < TAG.length; j++) {
            if (buffer[at + j] != TAG[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cells of a header candidate with each merged region's value (its top-left cell's, looked up in the rows
     * above) present in every cell of the region.
     *
     * @param rowNumber 1-based
     * @param valueAt   the value of a cell of an earlier top row (1-based row, 0-based column), "" if unknown
     */
    List<String> spread(int rowNumber, List<String> cells, CellLookup valueAt) {
        List<String> out = null;
        for (CellRangeAddress region : regions) {
            int row = rowNumber - 1;
            if (row < region.getFirstRow() || row > region.getLastRow()) {
                continue;
            }
            String value = region.getFirstRow() == row
                    ? (region.getFirstColumn() < cells.size() ? cells.get(region.getFirstColumn()) : "")
                    : valueAt.value(region.getFirstRow() + 1, region.getFirstColumn());
            if (value.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(cells);
            }
            while (out.size() <= region.getLastColumn()) {
                out.add("");
            }
            for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                out.set(c, value);
            }
        }
        return out == null ? cells : List.copyOf(out);
    }

    interface CellLookup {
        String value(int rowNumber, int column);
    }
}
