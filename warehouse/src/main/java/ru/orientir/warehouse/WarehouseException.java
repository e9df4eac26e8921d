package ru.orientir.warehouse;

/** A warehouse operation failed; the message says which one and on what. */
public class WarehouseException extends RuntimeException {
    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
