package ru.orientir.warehouse.clickhouse;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.clickhouse.client.api.ServerException;

/**
 * What a ClickHouse failure means for the operator, in Russian: what failed (the statement's purpose), where (the
 * URL and user, never the password), and what to do; ClickHouse's own message follows on a second line.
 */
final class ClickHouseErrors {
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");
    private static final int AUTHENTICATION_FAILED = 516;
    private static final int REQUIRED_PASSWORD = 194;
    private static final int UNKNOWN_USER = 192;
    private static final int WRONG_PASSWORD = 193;
    private static final int READONLY = 164;
    private static final int ACCESS_DENIED = 497;
    private static final int UNKNOWN_DATABASE = 81;

    private ClickHouseErrors() {
    }

    /** The Russian description of {@code e}, raised while doing {@code purpose} on the warehouse at {@code where}. */
    static String describe(String purpose, String where, Throwable e) {
        String detail = detail(e);
        String what;
        if (unreachable(e)) {
            what = "Хранилище недоступно: " + where + " не отвечает (" + purpose + "). Проверьте, что сервер ClickHouse "
                    + "запущен и адрес в ORIENTIR_WAREHOUSE_URL (warehouse.url) верен, и повторите.";
        } else {
            int code = code(e);
            what = switch (code) {
                case AUTHENTICATION_FAILED, REQUIRED_PASSWORD, UNKNOWN_USER, WRONG_PASSWORD ->
                        where + " не принял учётные данные (" + purpose + "). Проверьте ORIENTIR_WAREHOUSE_USER и "
                                + "ORIENTIR_WAREHOUSE_PASSWORD или ORIENTIR_WAREHOUSE_PASSWORD_FILE.";
                case READONLY, ACCESS_DENIED -> "У пользователя нет прав на это действие в " + where + " (" + purpose
                        + "). Orientir пишет в хранилище под пользователем-владельцем, а не под читателем дашбордов.";
                case UNKNOWN_DATABASE -> "В " + where + " нет такой базы данных (" + purpose + "). Создайте её "
                        + "(CREATE DATABASE … ENGINE = Atomic) или исправьте путь в ORIENTIR_WAREHOUSE_URL.";
                default -> where + " отклонил запрос: " + purpose + (code > 0 ? " (код ошибки ClickHouse " + code + ")" : "")
                        + ". Проверьте, что версия сервера не ниже 24.8 и миграции применены; подробности ниже и в журнале сервера.";
            };
        }
        return what + (detail.isBlank() ? "" : "\nПодробности: " + detail);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("Connection refused") || m.contains("connect timed out");
    }

    /** ClickHouse's error code from the exception chain, or 0. */
    static int code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerException s && s.getCode() > 0) {
                return s.getCode();
            }
            Matcher m = CODE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    /** The deepest message with content, on one line. */
    private static String detail(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message == null ? e.getClass().getName() : message.replaceAll("\\s+", " ").strip();
    }
}
