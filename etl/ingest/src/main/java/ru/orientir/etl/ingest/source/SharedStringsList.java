package ru.orientir.etl.ingest.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The workbook's shared strings as plain texts, read once with StAX. POI's ReadOnlySharedStringsTable keeps the same
 * list but hands each out as a new XMLBeans rich-text object, which costs more than the rest of a row's reading.
 * Held in memory (every distinct text of the workbook), as every XLSX reader must — up to a budget of characters
 * ({@link SourceOptions#maxSharedStringChars()}; each entry also counts {@value #ENTRY_OVERHEAD_CHARS} for its own
 * cost), beyond which the workbook is refused rather than the process running out of memory.
 */
final class SharedStringsList {
    /** What one entry costs beyond its characters, counted against the budget (so millions of empty texts count). */
    static final int ENTRY_OVERHEAD_CHARS = 16;

    /** The shared strings exceed the budget. */
    static final class TooLarge extends Exception {
        TooLarge(long budget) {
            super("shared strings exceed " + budget + " characters");
        }
    }

    private final List<String> texts;

    private SharedStringsList(List<String> texts) {
        this.texts = texts;
    }

    static SharedStringsList empty() {
        return new SharedStringsList(List.of());
    }

    static SharedStringsList read(InputStream in) throws XMLStreamException {
        try {
            return read(in, Long.MAX_VALUE);
        } catch (TooLarge e) {
            throw new IllegalStateException(e); // no budget, never thrown
        }
    }

    static SharedStringsList read(InputStream in, long maxChars) throws XMLStreamException, TooLarge {
        List<String> texts = new ArrayList<>();
        long used = 0;
        XMLStreamReader xml = SheetRows.XML.createXMLStreamReader(in);
        try {
            StringBuilder text = null;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("si".equals(name)) {
                        text = new StringBuilder();
                    } else if ("rPh".equals(name)) {
                        phonetic++;
                    } else if ("t".equals(name) && text != null && phonetic == 0) {
                        text.append(xml.getElementText());
                        if (used + text.length() > maxChars) {
                            throw new TooLarge(maxChars);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("si".equals(name) && text != null) {
                        used += text.length() + ENTRY_OVERHEAD_CHARS;
                        if (used > maxChars) {
                            throw new TooLarge(maxChars);
                        }
                        texts.add(text.toString());
                        text = null;
                    } else if ("rPh".equals(name)) {
                        phonetic--;
                    }
                }
            }
        } finally {
            xml.close();
        }
        return new SharedStringsList(texts);
    }

    /** The text at this index; out of range means a damaged workbook. */
    String get(int index) {
        return texts.get(index);
    }
}
