package ru.orientir.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.config.ConfigException;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseBusyException;
import ru.orientir.warehouse.WarehouseSettings;

/**
 * The «Ошибка: …» line is Russian and says what to do, whatever failed; the technical detail, often English, follows
 * on the line «Подробности: …».
 */
class UserErrorsTest {
    @TempDir
    Path dir;

    /** A DuckDB file locked by another process (a run, as bin/orientir would hold it), met as export would meet it. */
    @Test
    void aDuckDbLockHeldByAnotherProcessGivesTheRussianLockMessage() throws Exception {
        Path file = dir.resolve("warehouse.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", said.readLine());
            SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:duckdb:" + file).close());
            String described = UserErrors.describe(new RuntimeException("Failed to open the warehouse", raw));
            assertEquals(UserErrors.LOCK, firstLine(described));
            assertTrue(described.lines().skip(1).findFirst().orElseThrow().startsWith("Подробности: SQLException: "), described);
            assertTrue(described.contains("lock"), "the driver's own words are kept as the detail: " + described);

            // through the warehouse, as every command opens it: its own Russian message passes as it is
            WarehouseBusyException busy = assertThrows(WarehouseBusyException.class,
                    () -> Warehouse.openForReading(WarehouseSettings.embedded(dir), java.time.Duration.ZERO));
            String viaWarehouse = UserErrors.describe(busy);
            assertTrue(firstLine(viaWarehouse).contains("занято другим процессом"), viaWarehouse);
            assertRussianFirstLine(viaWarehouse);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    /** A real refused JDBC connection (PostgreSQL, as a job repository or Quartz store on a server would be). */
    @Test
    void aRefusedDatabaseConnectionSaysWhichSettingsToCheck() {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/orientir?connectTimeout=5", "u", "p").close());
        String described = UserErrors.describe(new IllegalStateException("Failed to obtain JDBC Connection", refused));
        assertEquals(UserErrors.CONNECTION, firstLine(described));
        assertTrue(described.contains("\nПодробности: "), described);
    }

    /** The ClickHouse warehouse's own message (Russian, from the warehouse module) is kept, wherever it is in the chain. */
    @Test
    void anUnreachableClickHouseGivesTheWarehousesRussianMessage() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Warehouse w = Warehouse.openForReading(new WarehouseSettings("jdbc:clickhouse://127.0.0.1:1/orientir", "u",
                    "p"), java.time.Duration.ZERO); Connection c = w.connection()) {
                c.createStatement().execute("SELECT 1");
            }
        });
        String described = UserErrors.describe(new RuntimeException("wrapped by a framework", e));
        assertRussianFirstLine(described);
        assertTrue(described.contains("Подробности: "), described);
    }

    @Test
    void fileErrorsNameTheFileAndWhatToDo() {
        String missing = UserErrors.describe(new UncheckedIOException(new NoSuchFileException("/data/inbox/schools.csv")));
        assertEquals("Файл или папка не найдены: /data/inbox/schools.csv. Проверьте путь и повторите.", firstLine(missing));
        String denied = UserErrors.describe(new AccessDeniedException("/var/lib/orientir/warehouse.duckdb"));
        assertTrue(firstLine(denied).startsWith("Нет прав на файл или папку: /var/lib/orientir/warehouse.duckdb."), denied);
        String full = UserErrors.describe(new IOException("No space left on device"));
        assertTrue(firstLine(full).startsWith("На диске нет места."), full);
        for (String s : List.of(missing, denied, full)) {
            assertRussianFirstLine(s);
            assertTrue(s.lines().skip(1).findFirst().orElseThrow().startsWith("Подробности: "), s);
        }
    }

    @Test
    void ourRussianMessagesPassAsTheyAreEvenWhenWrapped() {
        assertEquals("Формат «xml» не поддерживается; доступен: csv",
                UserErrors.describe(new IllegalArgumentException("Формат «xml» не поддерживается; доступен: csv")));
        String wrapped = UserErrors.describe(new RuntimeException("Error creating bean 'pipeline'",
                new ConfigException("Файл конфигурации не найден: /etc/orientir.yml (ORIENTIR_CONFIG)")));
        assertEquals("Файл конфигурации не найден: /etc/orientir.yml (ORIENTIR_CONFIG)", firstLine(wrapped));
        assertTrue(wrapped.contains("Подробности: "), wrapped);
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsDetail() {
        String described = UserErrors.describe(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"));
        assertEquals(UserErrors.INTERNAL, firstLine(described));
        assertEquals("Подробности: NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null",
                described.lines().skip(1).findFirst().orElseThrow());
        assertRussianFirstLine(UserErrors.describe(new SQLException("Catalog Error: Table with name meta_run does not exist!")));
        assertRussianFirstLine(UserErrors.describe(new IllegalStateException()));
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /** Russian, and no English sentence: no run of three Latin words outside quotes, paths and names. */
    private static void assertRussianFirstLine(String described) {
        String first = firstLine(described);
        assertTrue(UserErrors.russian(first), described);
        assertFalse(first.replaceAll("«[^»]*»|\\S*[/_.:=]\\S*", "").matches(".*\\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\\b.*"),
                "English in the first line: " + first);
    }

    /** Holds the DuckDB file open for writing until its standard input closes (another Orientir process). */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)");
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
