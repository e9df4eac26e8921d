package ru.orientir.etl.ingest.results;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Participant ids become keyed hashes (HMAC-SHA-256, first 128 bits in hex) at ingest: the same child gets the same
 * key across files and years under one key, and without the key the id cannot be recovered or guessed by hashing
 * candidate ids. The raw id never reaches the warehouse, a log or the quarantine.
 */
public final class Pseudonymizer {
    static final String MISSING_KEY = "не задан ключ псевдонимизации: задайте ORIENTIR_PSEUDONYM_KEY или "
            + "ORIENTIR_PSEUDONYM_KEY_FILE (коды участников хранятся только в виде ключевого хеша)";

    private final Mac mac;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalStateException(MISSING_KEY);
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    public String pseudonym(String participantId) {
        byte[] h = mac.doFinal(participantId.strip().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }
}
