package ru.orientir.etl.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ru.orientir.etl.ingest.columns.ColumnAliases;

/**
 * What ingestion needs from configuration: the column aliases, the XLSX sheet to read (null = first), and the key for
 * pseudonymising participant ids (from ORIENTIR_PSEUDONYM_KEY or the file ORIENTIR_PSEUDONYM_KEY_FILE; never from
 * the repository). Without a key, student-level results cannot load (their raw ids must never be stored).
 */
public record IngestSettings(ColumnAliases aliases, String sheetName, byte[] pseudonymKey) {

    public static IngestSettings fromEnvironment(Map<String, String> env) {
        return new IngestSettings(ColumnAliases.builtIn(), null, pseudonymKey(env));
    }

    public IngestSettings withAliases(ColumnAliases a) {
        return new IngestSettings(a, sheetName, pseudonymKey);
    }

    public IngestSettings withSheet(String sheet) {
        return new IngestSettings(aliases, sheet, pseudonymKey);
    }

    public IngestSettings withPseudonymKey(byte[] key) {
        return new IngestSettings(aliases, sheetName, key);
    }

    static byte[] pseudonymKey(Map<String, String> env) {
        String key = env.get("ORIENTIR_PSEUDONYM_KEY");
        if (key == null && env.get("ORIENTIR_PSEUDONYM_KEY_FILE") != null) {
            try {
                key = Files.readString(Path.of(env.get("ORIENTIR_PSEUDONYM_KEY_FILE")), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Не удалось прочитать ключ псевдонимизации из файла "
                        + env.get("ORIENTIR_PSEUDONYM_KEY_FILE") + ": " + e.getMessage(), e);
            }
        }
        return key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
