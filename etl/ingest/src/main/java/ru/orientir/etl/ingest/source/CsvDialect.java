package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import ru.orientir.etl.ingest.source.CsvParser;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * How a CSV file is written, detected from its first bytes.
 * <ul>
 * <li>Encoding: a UTF-8 BOM means UTF-8; otherwise the sample is UTF-8 when it is valid UTF-8 or when valid
 * multi-byte sequences outnumber invalid bytes ten to one (a multibyte character cut by the sample's end is ignored),
 * else windows-1251 (the other encoding regional
 * exports use). Plain ASCII counts as UTF-8.</li>
 * <li>Separator: among {@code ; , TAB}, the one that splits the most of the first {@value #SAMPLE_RECORDS} non-blank
 * records into the same number (> 1) of fields, quotes respected (title rows have few separators; decimal commas vary
 * in number per row, while the header and the rows share one count). Ties go to {@code ;} over {@code ,} over TAB; a
 * file where none splits anything is read with {@code ,} (one column).</li>
 * </ul>
 */
record CsvDialect(Charset charset, boolean bom, char separator) {
    static final int SAMPLE_RECORDS = 50;
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final char[] SEPARATORS = {';', ',', '\t'};

    static CsvDialect detect(byte[] sample, boolean wholeFile) {
        boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
                && (sample[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        Charset charset = bom || isUtf8(sample, start, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1251;
        String text = new String(sample, start, sample.length - start, charset);
        return new CsvDialect(charset, bom, separator(text, wholeFile));
    }

    String describe() {
        String encoding = charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 (с BOM)" : "UTF-8") : charset.name();
        String sep = separator == '\t' ? "табуляция" : "«" + separator + "»";
        return "CSV, кодировка " + encoding + ", разделитель " + sep;
    }

    /**
     * UTF-8 when the sample is valid UTF-8, or when valid multi-byte sequences outnumber invalid bytes at least ten to
     * one: a UTF-8 file with a few damaged bytes stays UTF-8 (the damaged rows are quarantined one by one) instead of
     * turning every Cyrillic letter of the file into mojibake. windows-1251 text, decoded as UTF-8, is almost all
     * invalid. A sequence cut by the end of a sample does not count.
     */
    private static boolean isUtf8(byte[] sample, int start, boolean wholeFile) {
        long valid = 0;
        long invalid = 0;
        int i = start;
        while (i < sample.length) {
            int b = sample[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 1) {
                i++;
                continue;
            }
            if (length == 0) {
                invalid++;
                i++;
                continue;
            }
            if (i + length > sample.length) {
                if (wholeFile) {
                    invalid++;
                }
                break;
            }
            boolean ok = true;
            for (int k = 1; k < length; k++) {
                if ((sample[i + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                valid++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid == 0 || valid >= 10 * invalid;
    }

    private static char separator(String text, boolean wholeFile) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : SEPARATORS) {
            int score = consistency(text, candidate, wholeFile);
            if (score > bestScore) { // strictly better: ties keep the earlier (preferred) separator
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** How many sample records have the most common field count, if that count is above 1; else 0. */
    private static int consistency(String text, char separator, boolean wholeFile) {
        Map<Integer, Integer> counts = new HashMap<>();
        try (CsvParser parser = new CsvParser(new StringReader(text), separator)) {
            int seen = 0;
            SourceRecord record = parser.next();
            while (record != null && seen < SAMPLE_RECORDS) {
                SourceRecord following = parser.next();
                boolean cutBySampleEnd = following == null && !wholeFile;
                if (!record.isBlank() && !cutBySampleEnd) {
                    seen++;
                    if (record.error() == null) {
                        counts.merge(record.fields().size(), 1, Integer::sum);
                    }
                }
                record = following;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        int best = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getKey() > 1 && e.getValue() > best) {
                best = e.getValue();
            }
        }
        return best;
    }
}
