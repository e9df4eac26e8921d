package ru.orientir.warehouse.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.Warehouse;
import ru.orientir.warehouse.WarehouseSettings;

/** The registry and the export queries agree: nothing registered without its query, no query left unregistered. */
class MartsTest {

    @Test
    void everyRegisteredMartHasItsExportQuery() {
        for (MartDescriptor mart : Marts.all()) {
            assertNotNull(getClass().getClassLoader().getResource(mart.exportSql()), mart.name() + ": " + mart.exportSql());
        }
    }

    @Test
    void everyExportQueryIsRegistered() throws Exception {
        URL folder = getClass().getClassLoader().getResource("sql/export");
        assertNotNull(folder);
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - ".sql".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(Marts.names()));
    }

    @Test
    void namesAreUniqueAndTitlesRussian() {
        assertEquals(Marts.names().size(), Set.copyOf(Marts.names()).size(), Marts.names().toString());
        for (MartDescriptor mart : Marts.all()) {
            assertEquals(true, mart.title().codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                    mart.name() + ": " + mart.title());
        }
        assertEquals(List.of("loads", "quarantine"), Marts.all().stream()
                .filter(m -> m.kind() == MartDescriptor.Kind.LOAD_HISTORY).map(MartDescriptor::name).toList());
        assertEquals(Marts.all().size() - 2, Marts.marts().size());
    }

    /** The registered columns are the header the export writes (run on an empty, migrated DuckDB warehouse). */
    @Test
    void registeredColumnsAreTheExportsHeader(@TempDir Path home) throws Exception {
        try (Warehouse w = Warehouse.open(WarehouseSettings.embedded(home))) {
            w.migrate();
            try (Connection c = w.connection()) {
                for (MartDescriptor mart : Marts.all()) {
                    try (PreparedStatement ps = c.prepareStatement(SqlResource.load(mart.exportSql()))) {
                        ResultSetMetaData meta = ps.getMetaData();
                        List<String> header = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            header.add(meta.getColumnLabel(i));
                        }
                        assertEquals(mart.columns(), header, mart.name());
                    }
                }
            }
        }
    }

    @Test
    void findsByName() {
        assertEquals("isb", Marts.find("isb").orElseThrow().name());
        assertEquals("sql/export/isb.sql", Marts.find("isb").orElseThrow().exportSql());
        assertEquals(true, Marts.find("nonsense").isEmpty());
    }
}
