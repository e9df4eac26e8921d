package ru.orientir.etl.ingest.results;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;

/**
 * Participant ids become keyed hashes (HMAC-SHA-256, first 128 bits in hex) at ingest: the same child gets the same
 * key across files and years under one key, and without the key the id cannot be recovered or guessed by hashing
 * candidate ids. The raw id never reaches the warehouse, a log or the quarantine.
 * <p>
 * The key must have at least {@value #MIN_KEY_BYTES} bytes. A warehouse holds pseudonyms of one key only: its
 * {@linkplain #fingerprint fingerprint} (an HMAC of a fixed label, never the key) is stored in
 * {@code meta_pseudonym_key} on first use, and a different key is refused ({@link #checkWarehouseKey}), since the same
 * student would otherwise be counted twice (etl/README.md, «Смена ключа псевдонимизации»).
 */
public final class Pseudonymizer {
    /** The shortest key accepted, in bytes (HMAC-SHA-256's output size). */
    public static final int MIN_KEY_BYTES = 32;

    static final String MISSING_KEY = "не задан ключ псевдонимизации: задайте ORIENTIR_PSEUDONYM_KEY или "
            + "ORIENTIR_PSEUDONYM_KEY_FILE (коды участников хранятся только в виде ключевого хеша)";

    /** The label whose HMAC under the key is the key's fingerprint. Never change it: stored fingerprints depend on it. */
    private static final String FINGERPRINT_LABEL = "orientir/pseudonym-key-fingerprint/v1";

    private final Mac mac;

    public Pseudonymizer(byte[] key) {
        mac = mac(requireKey(key));
    }

    /** The key, checked: present and at least {@value #MIN_KEY_BYTES} bytes; otherwise IllegalStateException (Russian). */
    public static byte[] requireKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalStateException(MISSING_KEY);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("ключ псевдонимизации слишком короткий: " + key.length + " байт, нужно не "
                    + "меньше " + MIN_KEY_BYTES + ". Создайте длинный случайный ключ (например, openssl rand -base64 48 "
                    + "> secrets/pseudonym.key) и задайте его через ORIENTIR_PSEUDONYM_KEY_FILE. Если в хранилище уже "
                    + "загружены результаты учеников с прежним ключом, смена ключа — это ротация: см. etl/README.md, "
                    + "«Смена ключа псевдонимизации»");
        }
        return key;
    }

    public String pseudonym(String participantId) {
        byte[] h = mac.doFinal(participantId.strip().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }

    /** HMAC-SHA-256 of a fixed label under the key, in hex: identifies the key without revealing it. */
    public static String fingerprint(byte[] key) {
        return HexFormat.of().formatHex(mac(requireKey(key)).doFinal(FINGERPRINT_LABEL.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Before student-level rows are written: the key is valid, and is the key the warehouse's pseudonyms were made
     * with. On first use its fingerprint is stored; a different key throws IllegalStateException with a Russian
     * message that explains rotation.
     */
    public static void checkWarehouseKey(Warehouse warehouse, byte[] key, String runId) {
        String fingerprint = fingerprint(key);
        try (Connection c = warehouse.connection()) {
            String stored = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT fingerprint FROM meta_pseudonym_key ORDER BY created_at LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    stored = rs.getString(1);
                }
            }
            if (stored == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO meta_pseudonym_key (fingerprint, created_at, run_id) VALUES (?, ?, ?)")) {
                    ps.setString(1, fingerprint);
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.setString(3, runId);
                    ps.executeUpdate();
                }
                return;
            }
            if (!stored.equals(fingerprint)) {
                throw new IllegalStateException(keyChanged(stored, fingerprint));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось сверить отпечаток ключа псевдонимизации с хранилищем: проверьте, что "
                    + "хранилище доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
    }

    static String keyChanged(String stored, String given) {
        return "ключ псевдонимизации не тот, с которым в хранилище уже загружены результаты учеников (отпечаток ключа "
                + "в хранилище " + stored.substring(0, 12) + "…, заданного ключа " + given.substring(0, 12) + "…). "
                + "С другим ключом тот же ученик получил бы другой псевдоним и был бы посчитан дважды, поэтому файл не "
                + "загружен. Если ключ сменился по ошибке, верните прежний (ORIENTIR_PSEUDONYM_KEY или "
                + "ORIENTIR_PSEUDONYM_KEY_FILE) и запустите снова. Если ключ меняется намеренно (ротация), есть два "
                + "пути, оба описаны в etl/README.md, «Смена ключа псевдонимизации»: (1) псевдонимизировать заново — "
                + "создать новое хранилище и загрузить в него с новым ключом все файлы результатов учеников из исходных "
                + "файлов за все годы; (2) начать новое хранилище с новым ключом, оставив прежнее только для чтения";
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
