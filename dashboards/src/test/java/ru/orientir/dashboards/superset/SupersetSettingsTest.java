package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.orientir.dashboards.assets.AssetBundle;
import ru.orientir.warehouse.WarehouseSettings;

class SupersetSettingsTest {

    @Test
    void notConfiguredWithoutUrlAndCredentialsRequiredWithIt() {
        assertTrue(SupersetSettings.of(null, null, null, null, null).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> SupersetSettings.of("http://s:8088", null, null, null, null));
        SupersetSettings s = SupersetSettings.of("http://s:8088/", "admin", "secret", null, null).orElseThrow();
        assertEquals("http://s:8088", s.url().toString());
        assertFalse(s.toString().contains("secret"));
    }

    @Test
    void theWarehouseAsSupersetSeesIt() {
        WarehouseForSuperset duck = WarehouseForSuperset.of(
                new WarehouseSettings("jdbc:duckdb:/data/orientir/warehouse.duckdb", null, null), null);
        assertEquals("duckdb:////data/orientir/warehouse.duckdb?access_mode=read_only", duck.sqlalchemyUri());
        assertEquals("main", duck.schema());

        WarehouseSettings owner = new WarehouseSettings("jdbc:clickhouse://ch:8123/orientir?compress=0", "etl", "pw");
        IllegalArgumentException noReader = assertThrows(IllegalArgumentException.class,
                () -> WarehouseForSuperset.of(owner, null));
        assertTrue(noReader.getMessage().contains("ORIENTIR_SUPERSET_WAREHOUSE_USER"), noReader.getMessage());
        WarehouseForSuperset ch = WarehouseForSuperset.of(owner, null, new SupersetSettings.Reader("superset_reader", "rpw"));
        assertEquals("clickhousedb://superset_reader:XXXXXXXXXX@ch:8123/orientir", ch.sqlalchemyUri());
        assertEquals("orientir", ch.schema());
        assertEquals(Map.of(AssetBundle.DATABASE_FILE, "rpw"), ch.passwords(), "the reader's password, never the owner's");

        SupersetSettings fromEnv = SupersetSettings.of("http://s:8088", "admin", "secret", null,
                SupersetSettings.Reader.of("reader", "rpw")).orElseThrow();
        assertEquals(new SupersetSettings.Reader("reader", "rpw"), fromEnv.reader());
        assertThrows(IllegalArgumentException.class, () -> SupersetSettings.of("http://s:8088", "admin", "secret", null,
                SupersetSettings.Reader.of("reader", null)));

        assertEquals("duckdb:////elsewhere.duckdb", WarehouseForSuperset.of(
                new WarehouseSettings("jdbc:duckdb:/x.duckdb", null, null), "duckdb:////elsewhere.duckdb").sqlalchemyUri());
        assertThrows(IllegalArgumentException.class,
                () -> WarehouseForSuperset.of(new WarehouseSettings("jdbc:duckdb:", null, null), null));
    }
}
