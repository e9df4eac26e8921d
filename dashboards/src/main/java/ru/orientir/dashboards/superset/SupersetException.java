package ru.orientir.dashboards.superset;

/** A Superset API call failed: the message names the call, the status and Superset's answer. */
public final class SupersetException extends RuntimeException {
    public SupersetException(String message) {
        super(message);
    }

    public SupersetException(String message, Throwable cause) {
        super(message, cause);
    }
}
