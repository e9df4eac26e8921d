package ru.orientir.etl.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseException;

/**
 * One file's load: its id and name, and the warehouse look-ups validation needs (what other files already hold, what
 * this load already wrote before a restart).
 */
public record LoadContext(Warehouse warehouse, String loadId, String file) {

    /** Key → file name, for the rows of the active loads of other files. {@code keySql} selects (key, file). */
    public Map<String, String> keysOfOtherFiles(String keySql) {
        Map<String, String> keys = new HashMap<>();
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(keySql)) {
            ps.setString(1, file);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось прочитать из хранилища уже загруженные ключи для файла «" + file
                    + "»: проверьте, что хранилище доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
        return keys;
    }

    /** Key → line, for the rows this load committed before a restart. {@code keySql} selects (key, line). */
    public Map<String, Long> keysOfThisLoad(String keySql, long upToLine) {
        Map<String, Long> keys = new HashMap<>();
        if (upToLine <= 0) {
            return keys;
        }
        try (Connection c = warehouse.connection(); PreparedStatement ps = c.prepareStatement(keySql)) {
            ps.setString(1, loadId);
            ps.setLong(2, upToLine);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.putIfAbsent(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("Не удалось прочитать из хранилища строки, уже загруженные из файла «" + file
                    + "»: проверьте, что хранилище доступно, и повторите запуск.\nПодробности: " + e.getMessage(), e);
        }
        return keys;
    }
}
