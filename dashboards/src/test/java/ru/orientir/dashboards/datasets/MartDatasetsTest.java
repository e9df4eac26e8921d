package ru.orientir.dashboards.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

class MartDatasetsTest {

    @Test
    void everyDatasetColumnExistsInTheMigratedWarehouseAndEveryMartColumnIsLabelled() throws Exception {
        try (Warehouse warehouse = Warehouse.open(new WarehouseSettings("jdbc:duckdb:", null, null))) {
            warehouse.migrate();
            try (Connection c = warehouse.connection()) {
                for (Dataset dataset : MartDatasets.all()) {
                    Set<String> columns = new HashSet<>();
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT column_name FROM information_schema.columns WHERE table_name = ?")) {
                        ps.setString(1, dataset.table());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                columns.add(rs.getString(1));
                            }
                        }
                    }
                    Set<String> labelled = new HashSet<>();
                    dataset.columns().forEach(col -> labelled.add(col.name()));
                    assertEquals(columns, labelled, dataset.table() + ": dataset columns and mart columns differ");
                    dataset.columns().forEach(col -> assertTrue(col.label().matches(".*[А-Яа-яЁё].*"),
                            dataset.table() + "." + col.name() + " needs a Russian label"));
                }
            }
        }
    }

    @Test
    void uuidsAreStableVersion5AndDistinct() {
        // The RFC 4122 example: UUIDv5 of "python.org" in the DNS namespace.
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"),
                StableUuid.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
        UUID a = StableUuid.of("dataset", "school_status");
        assertEquals(a, StableUuid.of("dataset", "school_status"));
        assertEquals(5, a.version());
        assertNotEquals(a, StableUuid.of("chart", "school_status"));
        assertEquals(MartDatasets.all().size(), MartDatasets.all().stream().map(Dataset::uuid).distinct().count());
    }
}
