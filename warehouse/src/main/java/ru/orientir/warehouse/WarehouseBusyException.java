package ru.orientir.warehouse;

/** The warehouse is held by another process for now (DuckDB's file lock); the same call may succeed a moment later. */
public class WarehouseBusyException extends WarehouseException {
    public WarehouseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
