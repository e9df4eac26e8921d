package ru.orientir.dashboards.superset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The roles and row-level security of municipal coordinators. Fails closed: per municipality one role,
 * {@code МО: <municipality>}, holds both the read access to the municipal datasets and the row-level security rule
 * that keeps only that municipality's rows. No role reads a municipal dataset unfiltered, so a user given no
 * municipality's role sees nothing of them, and a user given one sees exactly that municipality. Found by name and
 * updated, so running it again changes nothing.
 *
 * <p>Earlier versions granted the datasets to one shared access role ({@link SupersetSync#LEGACY_ACCESS_ROLE}) with
 * the filter on the municipality's role: a user with the access role and a missing municipal role saw every
 * municipality. When that role exists, its permissions are taken away; it is not created any more.
 */
final class MunicipalAccess {
    /**
     * Names made only of these characters go into the rule as a plain literal (readable in Superset's list of rules):
     * none of them is special inside a string literal on DuckDB or ClickHouse, nor to SQLAlchemy's {@code text()}
     * (a colon starts a bind parameter) or Jinja (braces), through which Superset passes every rule.
     */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} .,()«»№\"-]+");

    private final SupersetClient client;
    private Map<String, Long> roleIds;

    MunicipalAccess(SupersetClient client) {
        this.client = client;
    }

    void apply(List<String> municipalities, List<Long> municipalDatasetIds, String databaseName) {
        List<Long> permissions = datasourceAccess(municipalDatasetIds);
        revokeLegacyAccessRole();
        List<JsonNode> rules = client.list("rowlevelsecurity");
        for (String municipality : municipalities) {
            long role = ensureRole(SupersetSync.MUNICIPAL_ROLE_PREFIX + municipality);
            // replaces the role's permissions: exactly the municipal datasets, filtered by the rule below
            client.post("/api/v1/security/roles/" + role + "/permissions", Map.of("permission_view_menu_ids", permissions));
            String name = SupersetSync.RLS_PREFIX + municipality;
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", name);
            rule.put("description", "Муниципальный координатор видит только строки своего муниципалитета");
            rule.put("filter_type", "Regular");
            rule.put("tables", municipalDatasetIds);
            rule.put("roles", List.of(role));
            rule.put("group_key", "municipality");
            rule.put("clause", clause(municipality));
            upsert(rules, name, rule);
        }
    }

    /**
     * The rule's SQL condition keeping one municipality's rows, the same on DuckDB and ClickHouse. A name of plain
     * characters is a literal ({@code municipality = 'Михайловский район'}); any other name is compared by the
     * hexadecimal form of its UTF-8 bytes ({@code hex(municipality) = 'D09A…'}), so no quote, backslash, colon, brace
     * or line break of a name ever reaches the SQL: both engines' {@code hex} of a string gives upper-case hex digits
     * of its bytes.
     */
    static String clause(String municipality) {
        if (PLAIN.matcher(municipality).matches()) {
            return "municipality = '" + municipality + "'";
        }
        return "hex(municipality) = '" + HexFormat.of().withUpperCase().formatHex(municipality.getBytes(StandardCharsets.UTF_8)) + "'";
    }

    /**
     * The roles of regional ministries in a warehouse of several regions (issue 16): per region code one role,
     * {@code Регион: <код>}, reading the municipal datasets and the regional ones, each filtered to the region's rows —
     * by the dataset's own region column where it has one, else by its schools' or its municipalities' region
     * (v_schools). Fails closed as the municipal roles do. Codes are two digits (the ingest makes them so), checked
     * again here before they reach a rule.
     *
     * @param datasets the dataset ids of the datasets a regional role reads, with the column its rule filters by:
     *                 {@code region}, {@code school_id} or {@code municipality}
     */
    void applyRegions(List<String> regions, Map<String, List<Long>> datasets) {
        if (regions.isEmpty()) {
            return;
        }
        List<Long> all = datasets.values().stream().flatMap(List::stream).distinct().toList();
        List<Long> permissions = datasourceAccess(all);
        List<JsonNode> rules = client.list("rowlevelsecurity");
        for (String region : regions) {
            if (!region.matches("\\d{2}")) {
                throw new SupersetException("Код региона «" + region + "» в витринах — не две цифры: роль региона не "
                        + "создана. Исправьте столбец «код субъекта» в справочнике школ и перезапустите расчёт");
            }
            long role = ensureRole(SupersetSync.REGIONAL_ROLE_PREFIX + region);
            client.post("/api/v1/security/roles/" + role + "/permissions", Map.of("permission_view_menu_ids", permissions));
            for (Map.Entry<String, List<Long>> by : datasets.entrySet()) {
                if (by.getValue().isEmpty()) {
                    continue;
                }
                String name = SupersetSync.RLS_PREFIX + "регион " + region + " (" + by.getKey() + ")";
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("name", name);
                rule.put("description", "Региональное министерство видит только строки своего региона");
                rule.put("filter_type", "Regular");
                rule.put("tables", by.getValue());
                rule.put("roles", List.of(role));
                rule.put("group_key", "region");
                rule.put("clause", regionClause(by.getKey(), region));
                upsert(rules, name, rule);
            }
        }
    }

    /** The rule's SQL condition keeping one region's rows of a dataset filtered by {@code column}, on both engines. */
    static String regionClause(String column, String region) {
        return switch (column) {
            case "region" -> "region = '" + region + "'";
            case "school_id" -> "school_id IN (SELECT school_id FROM v_schools WHERE region = '" + region + "')";
            case "municipality" -> "municipality IN (SELECT municipality FROM v_schools WHERE region = '" + region + "')";
            default -> throw new IllegalArgumentException("no regional rule by " + column);
        };
    }

    private void upsert(List<JsonNode> rules, String name, Map<String, Object> rule) {
        List<JsonNode> existing = rules.stream().filter(r -> name.equals(r.path("name").asText())).toList();
        if (existing.isEmpty()) {
            client.post("/api/v1/rowlevelsecurity/", rule);
        } else {
            client.put("/api/v1/rowlevelsecurity/" + existing.get(0).path("id").asLong(), rule);
            for (int i = 1; i < existing.size(); i++) {
                client.delete("/api/v1/rowlevelsecurity/" + existing.get(i).path("id").asLong());
            }
        }
    }

    private void revokeLegacyAccessRole() {
        ensureRoleIds();
        Long legacy = roleIds.get(SupersetSync.LEGACY_ACCESS_ROLE);
        if (legacy != null) {
            client.post("/api/v1/security/roles/" + legacy + "/permissions", Map.of("permission_view_menu_ids", List.of()));
        }
    }

    private void ensureRoleIds() {
        if (roleIds == null) {
            roleIds = new LinkedHashMap<>();
            for (JsonNode r : roles()) {
                roleIds.put(r.path("name").asText(), r.path("id").asLong());
            }
        }
    }

    private long ensureRole(String name) {
        ensureRoleIds();
        Long id = roleIds.get(name);
        if (id == null) {
            id = client.post("/api/v1/security/roles/", Map.of("name", name)).path("id").asLong();
            roleIds.put(name, id);
        }
        return id;
    }

    private List<JsonNode> roles() {
        try {
            return client.list("security/roles");
        } catch (SupersetException e) {
            if (e.getMessage().contains("HTTP 404")) {
                throw new SupersetException("В Superset выключен API ролей: добавьте FAB_ADD_SECURITY_API = True в "
                        + "superset_config.py — без него нельзя создать роли муниципалитетов", e);
            }
            throw e;
        }
    }

    /** The ids of the "datasource_access on [db].[table](id:N)" permissions of these datasets. */
    private List<Long> datasourceAccess(List<Long> datasetIds) {
        List<Long> ids = new ArrayList<>();
        List<String> wanted = datasetIds.stream().map(id -> "(id:" + id + ")").toList();
        for (JsonNode p : client.list("security/permissions-resources")) {
            if ("datasource_access".equals(p.path("permission").path("name").asText())
                    && wanted.stream().anyMatch(w -> p.path("view_menu").path("name").asText().endsWith(w))) {
                ids.add(p.path("id").asLong());
            }
        }
        if (ids.size() != datasetIds.size()) {
            throw new SupersetException("Нашлось " + ids.size() + " прав datasource_access из " + datasetIds.size()
                    + " для наборов данных " + datasetIds);
        }
        return ids;
    }
}
