package ru.orientir.etl.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import ru.orientir.etl.ingest.Header;
import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * Opens a tabular file by what it contains, not by its name:
 * <ul>
 * <li>a ZIP archive ({@code PK\3\4}) is read as an XLSX workbook ({@link XlsxRecordSource});</li>
 * <li>an OLE2 container ({@code D0 CF 11 E0}: XLS, or a password-protected XLSX), a UTF-16/UTF-32 text, a PDF, or
 * a binary file (NUL and other control bytes in its first 64 KiB, {@link #looksBinary}) is refused with a message
 * saying what to do;</li>
 * <li>anything else is CSV, its encoding and separator detected ({@link CsvDialect}).</li>
 * </ul>
 * The header row is then found by the caller's predicate below up to {@link SourceOptions#maxHeaderSearchRows()}
 * title rows ({@link HeaderSearch}).
 * <p>
 * A stray NUL byte anywhere else in a text file does not fail the file: the record holding it is quarantined with a
 * reason naming the field ({@link #withNulCheck}), wherever in the file it is.
 */
public final class RecordSources {
    /** The error given to each row above the header. */
    public static final String TITLE_ROW_ERROR = "строка над заголовком таблицы (название, пояснение) — не данные";

    static final int SAMPLE_BYTES = 1 << 20;
    private static final int BINARY_CHECK_BYTES = 64 << 10;
    private static final int BINARY_MIN_CONTROLS = 2;

    private RecordSources() {
    }

    /**
     * Detects the format and opens the file.
     *
     * @param isHeader gets a candidate header row's cells (as written, trimmed) and says whether it is the header
     * @throws UnreadableFileException the file cannot be read at all; the message (Russian) says why and what to do
     */
    public static RecordSource open(Path file, Predicate<List<String>> isHeader, SourceOptions options)
            throws UnreadableFileException {
        byte[] sample;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw UnreadableFileException.because("файл не удалось прочитать: " + e.getMessage(), e);
        }
        if (sample.length == 0) {
            throw new UnreadableFileException("пустой файл");
        }
        try {
            if (startsWith(sample, 0x50, 0x4B, 0x03, 0x04) || startsWith(sample, 0x50, 0x4B, 0x05, 0x06)) {
                return XlsxRecordSource.open(file, isHeader, options);
            }
            refuseNonCsv(sample);
            CsvDialect dialect = CsvDialect.detect(sample, sample.length >= size);
            return CsvRecordSource.open(file, dialect, isHeader, options);
        } catch (IOException e) {
            throw UnreadableFileException.because("файл не удалось прочитать: " + e.getMessage(), e);
        }
    }

    private static void refuseNonCsv(byte[] sample) throws UnreadableFileException {
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException("формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX "
                    + "или CSV (книга XLSX, защищённая паролем, хранится так же: снимите пароль)");
        }
        if (startsWith(sample, 0xFF, 0xFE) || startsWith(sample, 0xFE, 0xFF) || startsWith(sample, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new UnreadableFileException("кодировка UTF-16 (или UTF-32) не поддерживается: сохраните файл как CSV "
                    + "в кодировке UTF-8 или windows-1251");
        }
        if (startsWith(sample, '%', 'P', 'D', 'F')) {
            throw new UnreadableFileException("файл — документ PDF, а не таблица: нужен CSV или XLSX");
        }
        if (looksBinary(sample)) {
            throw new UnreadableFileException("файл не похож на текст CSV или книгу XLSX (в нём нулевые и другие "
                    + "управляющие байты: двоичный файл или текст в UTF-16); сохраните таблицу как CSV UTF-8 или XLSX");
        }
    }

    /**
     * Binary (or UTF-16 without a BOM): the first 64 KiB hold a NUL byte, and control bytes (NUL and the other C0
     * controls but tab, line feed, vertical tab, form feed and carriage return) number at least
     * {@value #BINARY_MIN_CONTROLS} and make at least 1 % of them. A text file with a stray NUL is text: that record is
     * quarantined instead.
     */
    static boolean looksBinary(byte[] sample) {
        int n = Math.min(sample.length, BINARY_CHECK_BYTES);
        int nuls = 0;
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                nuls++;
            }
            if (b < 0x20 && (b < 0x09 || b > 0x0D)) {
                controls++;
            }
        }
        return nuls > 0 && controls >= BINARY_MIN_CONTROLS && controls * 100L >= n;
    }

    /** The reason given to a record with a NUL character in a field («поле «…»: …»). */
    static String nulError(String field) {
        return "поле «" + field + "»: содержит нулевой байт (символ NUL) — файл повреждён или склеен с двоичными "
                + "данными; исправьте значение в исходном файле";
    }

    /**
     * The record as is, or — when a field holds a NUL character — the record with an error naming the first such
     * field (by the header's name where there is one), and with each NUL shown as U+2400 «␀» in its raw text, so the
     * quarantine can store and show it. A record that already has an error keeps it.
     */
    static SourceRecord withNulCheck(SourceRecord record, Header header) {
        if (record == null || record.error() != null || record.raw().indexOf('\0') < 0) {
            return record;
        }
        List<String> fields = record.fields();
        String field = null;
        for (int i = 0; i < fields.size() && field == null; i++) {
            if (fields.get(i).indexOf('\0') >= 0) {
                field = header != null && i < header.size() && !header.names().get(i).isBlank()
                        ? header.names().get(i) : "столбец " + (i + 1);
            }
        }
        if (field == null) { // in the raw text only (between fields): name the row
            field = "строка";
        }
        return new SourceRecord(record.line(), fields.stream().map(f -> f.replace('\0', '\u2400')).toList(),
                record.raw().replace('\0', '\u2400'), nulError(field));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
