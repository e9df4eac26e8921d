package ru.orientir.dashboards.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The roles and row-level security of municipal coordinators: one access role reading the municipal datasets, and
 * per municipality a role whose rule keeps only that municipality's rows. Found by name and updated, so running it
 * again changes nothing.
 */
final class MunicipalAccess {
    private final SupersetClient client;
    private Map<String, Long> roleIds;

    MunicipalAccess(SupersetClient client) {
        this.client = client;
    }

    void apply(List<String> municipalities, List<Long> municipalDatasetIds, String databaseName) {
        long accessRole = ensureRole(SupersetSync.ACCESS_ROLE);
        List<Long> permissions = datasourceAccess(municipalDatasetIds);
        client.post("/api/v1/security/roles/" + accessRole + "/permissions",
                Map.of("permission_view_menu_ids", permissions));
        List<JsonNode> rules = client.list("rowlevelsecurity");
        for (String municipality : municipalities) {
            long role = ensureRole(SupersetSync.MUNICIPAL_ROLE_PREFIX + municipality);
            String name = SupersetSync.RLS_PREFIX + municipality;
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", name);
            rule.put("description", "Муниципальный координатор видит только строки своего муниципалитета");
            rule.put("filter_type", "Regular");
            rule.put("tables", municipalDatasetIds);
            rule.put("roles", List.of(role));
            rule.put("group_key", "municipality");
            rule.put("clause", "municipality = '" + municipality.replace("'", "''") + "'");
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
    }

    private long ensureRole(String name) {
        if (roleIds == null) {
            roleIds = new LinkedHashMap<>();
            for (JsonNode r : roles()) {
                roleIds.put(r.path("name").asText(), r.path("id").asLong());
            }
        }
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
