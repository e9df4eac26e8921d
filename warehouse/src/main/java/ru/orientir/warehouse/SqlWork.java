package ru.orientir.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements to run on one warehouse connection (see {@link Warehouse#inTransaction}). */
@FunctionalInterface
public interface SqlWork {
    void run(Connection connection) throws SQLException;
}
