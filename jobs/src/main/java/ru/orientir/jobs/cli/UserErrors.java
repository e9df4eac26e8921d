package ru.orientir.jobs.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

import ru.orientir.warehouse.WarehouseBusyException;

/**
 * What the «Ошибка: …» line says when a command fails: always a Russian sentence saying what to do, with the
 * technical detail (often English, from a driver or the JDK) on a second line, «Подробности: …». Our own exceptions
 * already speak Russian and pass as they are; infrastructure failures are recognised by class along the cause chain;
 * anything else is called an internal error.
 */
public final class UserErrors {
    static final String DETAIL = "Подробности: ";
    static final String INTERNAL = "Команда не выполнена из-за внутренней ошибки. Повторите её с ORIENTIR_LOG_LEVEL=debug, "
            + "чтобы журнал (стандартный поток ошибок) показал, где она возникла, и сообщите разработчикам.";
    static final String LOCK = "Хранилище DuckDB занято другим процессом Ориентира (запуск, выгрузка, справка или "
            + "Superset). Дождитесь его завершения и повторите команду.";
    static final String CONNECTION = "Не удалось подключиться к базе данных: сервер не отвечает или отказал в "
            + "подключении. Проверьте, что он запущен, и адреса ORIENTIR_WAREHOUSE_URL (warehouse.url), "
            + "ORIENTIR_BATCH_JDBC_URL (batch.url) и ORIENTIR_QUARTZ_JDBC_URL (schedule.store.url), затем повторите.";
    static final String CLICKHOUSE = "Хранилище ClickHouse отклонило запрос. Проверьте, что сервер запущен, адрес "
            + "ORIENTIR_WAREHOUSE_URL и учётные данные ORIENTIR_WAREHOUSE_USER/ORIENTIR_WAREHOUSE_PASSWORD верны, и "
            + "повторите.";
    static final String SQL = "Запрос к базе данных не выполнен. Проверьте, что хранилище доступно и его схема "
            + "обновлена (bin/orientir run применяет миграции), и повторите; если ошибка повторится, сообщите "
            + "разработчикам.";

    private UserErrors() {
    }

    /** The lines to print after «Ошибка: »: a Russian sentence, then usually «Подробности: …». */
    public static String describe(Throwable e) {
        String own = firstLine(e.getMessage());
        if (russian(own)) {
            return e.getMessage().strip();
        }
        String detail = DETAIL + detail(e);
        if (find(e, t -> t instanceof WarehouseBusyException) != null || find(e, UserErrors::duckDbLock) != null) {
            return LOCK + "\n" + detail;
        }
        Throwable russian = find(e, t -> russian(firstLine(t.getMessage())));
        if (russian != null) {
            return russian.getMessage().strip() + (russian.getMessage().contains(DETAIL) ? "" : "\n" + detail);
        }
        if (find(e, UserErrors::connectionFailure) != null) {
            return CONNECTION + "\n" + detail;
        }
        if (find(e, t -> t.getClass().getName().startsWith("com.clickhouse.")) != null) {
            return CLICKHOUSE + "\n" + detail;
        }
        Throwable io = find(e, t -> t instanceof IOException);
        if (io != null) {
            return io((IOException) io) + "\n" + detail;
        }
        if (find(e, t -> t instanceof SQLException) != null) {
            return SQL + "\n" + detail;
        }
        if (find(e, t -> t instanceof OutOfMemoryError) != null) {
            return "Не хватило памяти Java. Увеличьте её в ORIENTIR_JAVA_OPTS (например, -Xmx8g) и повторите.\n" + detail;
        }
        return INTERNAL + "\n" + detail;
    }

    private static String io(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? " " + f.getFile() : "";
        String message = String.valueOf(e.getMessage());
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException && !message.contains("Permission denied")) {
            return "Файл или папка не найдены:" + (file.isEmpty() ? " " + message : file) + ". Проверьте путь и повторите.";
        }
        if (e instanceof AccessDeniedException || message.contains("Permission denied")) {
            return "Нет прав на файл или папку:" + (file.isEmpty() ? " " + message : file) + ". Дайте права пользователю, "
                    + "от имени которого запущен Ориентир, или укажите другой путь, и повторите.";
        }
        if (e instanceof NotDirectoryException) {
            return "Ожидалась папка, а это файл:" + file + ". Укажите папку и повторите.";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "Файл уже существует:" + file + ". Удалите его или укажите другой путь, и повторите.";
        }
        if (message.contains("No space left on device")) {
            return "На диске нет места" + (file.isEmpty() ? "" : " (" + file.strip() + ")") + ". Освободите место "
                    + "(например, удалите старые запуски из ORIENTIR_HOME/runs) и повторите.";
        }
        return "Ошибка чтения или записи файла" + (file.isEmpty() ? "" : " (" + file.strip() + ")") + ". Проверьте путь, "
                + "права и свободное место на диске, и повторите.";
    }

    /** DuckDB refuses a second process on a file: «IO Error: Could not set lock on file … Conflicting lock is held …». */
    private static boolean duckDbLock(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return t instanceof SQLException && (m.contains("Could not set lock on file") || m.contains("Conflicting lock"));
    }

    private static boolean connectionFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLTransientConnectionException) {
            return true;
        }
        // SQLSTATE class 08: connection exception (PostgreSQL: 08001 refused, 08004 rejected, 08006 failed)
        return t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
    }

    private static Throwable find(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    /** The deepest message with content, on one line, with its exception's name. */
    static String detail(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return message == null ? e.getClass().getName() : message.replaceAll("\\s+", " ").strip();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    /**
     * Our messages are Russian sentences: Cyrillic letters outside what they quote (an English message quoting a
     * Russian value, «Invalid value: 'много'», is not Russian).
     */
    static boolean russian(String line) {
        String own = line.replaceAll("'[^']*'|\"[^\"]*\"|«[^»]*»", "");
        return own.codePoints().filter(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC).count() >= 3;
    }
}
