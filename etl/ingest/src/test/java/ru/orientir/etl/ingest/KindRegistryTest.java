package ru.orientir.etl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.orientir.etl.ingest.columns.ColumnAliases;
import ru.orientir.etl.ingest.kinds.InputKind;
import ru.orientir.etl.ingest.kinds.KindHeader;

/**
 * The registry is complete: every kind registers a descriptor whose staging table the warehouse's migrations create
 * (with every column the descriptor writes), a Russian name, a validator, and a header that detection recognises as
 * that kind and no other. A kind added without one of these fails here, not in a region's first load.
 */
class KindRegistryTest {
    private static final byte[] KEY = "test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @Test
    void everyKindHasADistinctLabelRussianNameAndDetectionRank() {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (FileKind kind : FileKind.values()) {
            InputKind<?> d = kind.descriptor();
            assertNotNull(d, kind.name());
            assertTrue(d.code().matches("[a-z][a-z_]*"), kind + ": label " + d.code());
            assertTrue(codes.add(d.code()), "label used twice: " + d.code());
            assertTrue(d.russianName().codePoints().anyMatch(c -> Character.UnicodeBlock.of(c)
                    == Character.UnicodeBlock.CYRILLIC), kind + ": the name people read is Russian: " + d.russianName());
            assertTrue(names.add(d.russianName()), "Russian name used twice: " + d.russianName());
            assertTrue(ranks.add(d.detectionRank()), kind + ": detection rank shared, the order would be ambiguous");
            assertEquals(Optional.of(kind), FileKind.ofCode(d.code()));
        }
        assertEquals(Optional.empty(), FileKind.ofCode("unknown"));
    }

    /** The run summary and {@code status} print these; operators and the end-to-end test read them. */
    @Test
    void theNamesPeopleReadAreTheOnesTheRunSummaryAlwaysPrinted() {
        assertEquals(List.of("справочник школ", "официальный список", "результаты участников", "результаты по школам",
                        "кадры", "контекст школ", "рисковые профили ФИОКО", "список ФИОКО (объективность)",
                        "план мероприятий муниципалитета", "показатели дорожной карты"),
                Arrays.stream(FileKind.values()).map(FileKind::russianName).toList());
    }

    @Test
    void theSchoolReferenceLoadsBeforeEveryKindThatRefersToIt() {
        int schools = FileKind.SCHOOLS.order();
        for (FileKind kind : FileKind.values()) {
            if (kind != FileKind.SCHOOLS) {
                assertTrue(kind.order() > schools, kind + " would load before the schools it names");
            }
        }
    }

    @Test
    void everyKindsOwnHeaderIsDetectedAsThatKindAndItsValidatorIsMade() {
        IngestSettings settings = new IngestSettings(ColumnAliases.builtIn(), null, KEY);
        LoadContext load = new LoadContext(null, "L", "file.csv");
        for (FileKind kind : FileKind.values()) {
            Header header = new Header(minimalHeader(kind.descriptor().header()));
            assertEquals(Optional.of(kind), FileKind.detect(header), kind + ": " + header.names());
            assertNotNull(kind.descriptor().validator(header, load, settings), kind + " has no validator");
        }
    }

    @Test
    void everyColumnAKindNamesIsKnownByItsCanonicalNameAndEveryAliasOfItsOwn() {
        ColumnAliases aliases = ColumnAliases.builtIn();
        for (FileKind kind : FileKind.values()) {
            KindHeader h = kind.descriptor().header();
            for (String column : h.namedColumns()) {
                assertEquals(column, aliases.canonical(column), kind + ": column " + column + " has no aliases");
            }
            h.columns().forEach((column, russian) -> {
                assertFalse(russian.isEmpty(), kind + ": column " + column + " has no Russian alias");
                // An alias claimed by another column would make that header cell the other column.
                russian.forEach(a -> assertEquals(column, aliases.canonical(a), kind + ": alias «" + a + "»"));
            });
        }
    }

    @Test
    void everyStagingTableIsCreatedByEachEnginesMigrations() throws IOException {
        for (String engine : List.of("duckdb", "clickhouse")) {
            Set<String> created = createdTables(migrations().resolve(engine));
            for (FileKind kind : FileKind.values()) {
                assertTrue(created.contains(kind.stagingTable()), engine + " migrations do not create "
                        + kind.stagingTable() + " (" + kind + "); created: " + created);
            }
        }
    }

    @Test
    void theMigratedWarehouseHasEveryColumnEachKindWrites() throws Exception {
        try (IngestFixture f = new IngestFixture(dir)) {
            for (FileKind kind : FileKind.values()) {
                StagingTable<?> staging = kind.descriptor().staging();
                List<String> columns = new ArrayList<>();
                f.rows("SELECT column_name FROM information_schema.columns WHERE table_name = ?", staging.table())
                        .forEach(r -> columns.add(r.get(0)));
                List<String> written = new ArrayList<>(List.of("load_id", "line"));
                staging.columns().forEach(c -> written.add(c.name()));
                assertTrue(columns.containsAll(written), kind + ": " + staging.table() + " has " + columns
                        + ", the kind writes " + written);
            }
        }
    }

    /** The required columns and the first of «at least one of»: the least a file of the kind has. */
    private static List<String> minimalHeader(KindHeader h) {
        List<String> columns = new ArrayList<>(h.required());
        if (!h.anyOf().isEmpty()) {
            columns.add(h.anyOf().get(0));
        }
        return columns;
    }

    private static Set<String> createdTables(Path folder) throws IOException {
        Set<String> tables = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(sql));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        assertFalse(tables.isEmpty(), "no CREATE TABLE in " + folder);
        return tables;
    }

    /** warehouse/src/main/resources/db/migration, found from the module's folder upwards. */
    private static Path migrations() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("warehouse/src/main/resources/db/migration");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("warehouse migrations not found above " + Path.of("").toAbsolutePath());
    }
}
