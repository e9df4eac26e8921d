package ru.orientir.etl.ingest;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import ru.orientir.etl.ingest.source.SourceRecord;

/**
 * Reads named fields of one record, typed: integers and decimals (a decimal comma or dot, spaces between thousands),
 * shares (0–1, or percent with a % sign), yes/no. A missing optional column reads as empty.
 */
public final class FieldReader {
    private final Header header;
    private final SourceRecord record;

    public FieldReader(Header header, SourceRecord record) {
        this.header = header;
        this.record = record;
    }

    public String get(String column) {
        OptionalInt p = header.position(column);
        if (p.isEmpty() || p.getAsInt() >= record.fields().size()) {
            return "";
        }
        return record.fields().get(p.getAsInt()).strip();
    }

    public List<String> fields() {
        return record.fields();
    }

    public String requiredText(String column) throws FieldException {
        String v = get(column);
        if (v.isEmpty()) {
            throw new FieldException(column, "пустое значение — поле обязательно");
        }
        return v;
    }

    public int requiredInt(String column, int min, int max) throws FieldException {
        Integer v = optionalInt(column, min, max);
        if (v == null) {
            throw new FieldException(column, "пустое значение — ожидается целое число от " + min + " до " + max);
        }
        return v;
    }

    public Integer optionalInt(String column, int min, int max) throws FieldException {
        String text = get(column);
        if (text.isEmpty()) {
            return null;
        }
        Double d = number(text);
        if (d == null || d != Math.rint(d)) {
            throw new FieldException(column, "«" + text + "» — не целое число (ожидается " + min + "–" + max + ")");
        }
        if (d < min || d > max) {
            throw new FieldException(column, text + " — вне допустимого диапазона " + min + "–" + max);
        }
        return d.intValue();
    }

    public Double optionalDecimal(String column, double min, double max) throws FieldException {
        String text = get(column);
        if (text.isEmpty()) {
            return null;
        }
        Double d = number(text);
        if (d == null) {
            throw new FieldException(column, "«" + text + "» — не число (ожидается " + range(min, max) + ")");
        }
        if (d < min || d > max) {
            throw new FieldException(column, text + " — вне допустимого диапазона " + range(min, max));
        }
        return d;
    }

    /** A share: 0–1 as written, or a percentage written with a % sign (12% → 0.12). */
    public Double optionalShare(String column) throws FieldException {
        String text = get(column);
        if (text.isEmpty()) {
            return null;
        }
        boolean percent = text.endsWith("%");
        Double d = number(percent ? text.substring(0, text.length() - 1) : text);
        if (d == null) {
            throw new FieldException(column, "«" + text + "» — не число (ожидается доля от 0 до 1 или процент со знаком %)");
        }
        double share = percent ? d / 100 : d;
        if (share < 0 || share > 1) {
            throw new FieldException(column, text + " — доля должна быть от 0 до 1 (или от 0% до 100% со знаком %)");
        }
        return share;
    }

    public Boolean optionalYesNo(String column) throws FieldException {
        String text = get(column);
        if (text.isEmpty()) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "да", "д", "1", "true", "yes", "y", "+", "есть" -> {
                return true;
            }
            case "нет", "н", "0", "false", "no", "n", "-", "—" -> {
                return false;
            }
            default -> throw new FieldException(column, "«" + text + "» — ожидается «да» или «нет»");
        }
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** A number with a decimal comma or dot and optional spaces between digit groups, or null. */
    static Double number(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (isPlainInteger(t)) {
            return (double) Long.parseLong(t);
        }
        t = t.replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        return Double.parseDouble(t);
    }

    /** The common case, checked without a regex: up to 15 digits. */
    private static boolean isPlainInteger(String t) {
        if (t.length() > 15) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String range(double min, double max) {
        return trim(min) + "–" + trim(max);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * The reason a record cannot be read at all (parse error, blank line, wrong field count), or null.
     */
    public static String structuralProblem(Header header, SourceRecord record) {
        if (record.error() != null) {
            return record.error();
        }
        if (record.isBlank() || record.fields().stream().allMatch(String::isBlank)) {
            return "пустая строка";
        }
        if (record.fields().size() != header.size()) {
            return "число полей (" + record.fields().size() + ") не совпадает с заголовком (" + header.size()
                    + "); проверьте разделители и кавычки";
        }
        return null;
    }

    /** A totals or sub-totals row ("Итого…", "Всего…", or numbers with no school id), or null. */
    public static String totalsRow(Header header, SourceRecord record, boolean numbersWithoutIdAreTotals) {
        for (String cell : record.fields()) {
            String c = cell.strip();
            if (c.length() >= 5 && "иИвВ".indexOf(c.charAt(0)) >= 0) {
                String lower = c.substring(0, 5).toLowerCase(Locale.ROOT);
                if (lower.equals("итого") || lower.equals("всего")) {
                    return "строка итогов («" + c + "») — не данные";
                }
            }
        }
        if (numbersWithoutIdAreTotals && header.has("school_id")) {
            FieldReader f = new FieldReader(header, record);
            if (f.get("school_id").isEmpty() && record.fields().stream().anyMatch(v -> number(v) != null)) {
                // (only rows without a school id get here, so parsing every cell stays off the common path)
                return "нет кода ОО, но есть числа — похоже на строку итогов или подытогов";
            }
        }
        return null;
    }
}
