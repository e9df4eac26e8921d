package ru.orientir.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ru.orientir.warehouse.SqlResource;
import ru.orientir.warehouse.chdb.Chdb;

/**
 * The read-only user the compose stack creates for Superset (docker/clickhouse/init/reader-grants.sql.in) may read
 * every mart, the {@code <mart>__runs} tables behind them and the published-run pointer, and never student-level
 * staging (pseudonymised results); exactly what else it reads — what the dashboards' datasets read — is checked by the
 * dashboards module, which knows them. Its statements must parse as ClickHouse SQL (chDB's
 * formatQuery; chDB has no access control, so the grants themselves are exercised only on a real server — see the
 * README's ClickHouse section).
 */
class ReaderGrantsTest {
    private static final Pattern GRANT = Pattern.compile("GRANT SELECT ON \\{database}\\.([a-z_0-9]+) TO \\{reader};");

    @Test
    void theReaderMaySeeEveryMartAndNeverStudentResults() throws Exception {
        Chdb chdb = Chdb.require();
        String template = Files.readString(ClickHouseTestServer.repositoryRoot()
                .resolve("docker/clickhouse/init/reader-grants.sql.in"), StandardCharsets.UTF_8);
        Set<String> granted = new TreeSet<>();
        Matcher m = GRANT.matcher(template);
        while (m.find()) {
            granted.add(m.group(1));
        }

        Map<String, Chdb.Relation> schema = chdb.schema(Chdb.clickHouseMigrations());
        Set<String> expected = new TreeSet<>(Set.of("meta_publication"));
        schema.keySet().stream().filter(t -> t.endsWith("__runs")).forEach(t -> {
            expected.add(t);
            expected.add(t.substring(0, t.length() - "__runs".length()));
        });
        assertTrue(expected.size() >= 19, "marts found in the migrations: " + expected);
        assertTrue(granted.containsAll(expected), "the reader's grants miss marts: " + expected.stream()
                .filter(t -> !granted.contains(t)).toList());
        assertTrue(granted.stream().filter(t -> t.startsWith("stg_exam")).toList().isEmpty(),
                "the reader must never read student-level results: " + granted);
        assertTrue(granted.stream().allMatch(schema::containsKey), "every grant names a relation of the migrations: " + granted);

        // Filled in as 10-reader.sh fills it, every statement parses as ClickHouse SQL.
        String filled = template.replace("{reader}", "superset_reader").replace("{database}", "orientir")
                .replace("{password}", "'a\\'b\\\\c'");
        Map<String, String> queries = new LinkedHashMap<>();
        List<String> statements = SqlResource.statements(filled);
        for (int i = 0; i < statements.size(); i++) {
            queries.put("s" + i, "SELECT formatQuery(" + Chdb.literal(statements.get(i)) + ")");
        }
        Map<String, Chdb.Result> parsed = chdb.run(Chdb.clickHouseMigrations(), List.of(), queries);
        assertEquals(statements.size(), parsed.size());
        assertTrue(((String) parsed.get("s0").rows().get(0).get(0)).startsWith("CREATE USER IF NOT EXISTS superset_reader"),
                parsed.get("s0").rows().toString());
    }
}
