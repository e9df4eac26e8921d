package ru.orientir.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.jobs.config.OrientirConfig;

/**
 * The demo's warehouse stands in for the user's only while the user has none: no warehouse.url, and the default
 * embedded file never created (only a run creates it). Reading commands then say so on standard error.
 */
class ConfigOptionTest {
    @TempDir
    Path home;

    @Test
    void theDemoStandsInUntilTheUsersOwnWarehouseExists() throws Exception {
        OrientirConfig config = OrientirConfig.load(Map.of("ORIENTIR_HOME", home.toString()));
        assertFalse(ConfigOption.showsDemo(config), "no demo yet: the user's (missing) warehouse, whose error says what to do");

        Files.createDirectories(home.resolve("demo"));
        Files.createFile(home.resolve("demo/warehouse.duckdb"));
        assertTrue(ConfigOption.showsDemo(config));
        StringWriter err = new StringWriter();
        OrientirConfig reading = ConfigOption.forReading(config, new PrintWriter(err));
        assertEquals("jdbc:duckdb:" + home.resolve("demo/warehouse.duckdb"), reading.warehouse().jdbcUrl());
        assertEquals("Показаны данные демонстрации (" + home.resolve("demo") + "); настройте warehouse.url или выполните "
                + "bin/orientir run, чтобы работать со своими данными.\n", err.toString());
        assertEquals(config.displayZone(), reading.displayZone(), "times stay in the user's zone");

        Files.createFile(home.resolve("warehouse.duckdb"));   // the user's first run
        assertFalse(ConfigOption.showsDemo(config));
        StringWriter quiet = new StringWriter();
        assertEquals(config.warehouse(), ConfigOption.forReading(config, new PrintWriter(quiet)).warehouse());
        assertEquals("", quiet.toString());
    }

    @Test
    void aConfiguredWarehouseIsNeverReplacedByTheDemo() throws Exception {
        Files.createDirectories(home.resolve("demo"));
        Files.createFile(home.resolve("demo/warehouse.duckdb"));
        OrientirConfig config = OrientirConfig.load(Map.of("ORIENTIR_HOME", home.toString(),
                "ORIENTIR_WAREHOUSE_URL", "jdbc:duckdb:" + home.resolve("mine.duckdb")));
        assertFalse(ConfigOption.showsDemo(config));
        assertEquals("jdbc:duckdb:" + home.resolve("mine.duckdb"),
                ConfigOption.forReading(config, new PrintWriter(new StringWriter())).warehouse().jdbcUrl());
    }
}
