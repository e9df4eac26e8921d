package ru.orientir.dashboards.superset;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Superset's REST API as Orientir uses it: log in (JWT), CSRF token with its session cookie, the asset import, list
 * look-ups, and plain JSON calls. Every failure names the call and carries Superset's answer.
 */
public final class SupersetClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private String accessToken;
    private String csrfToken;

    private SupersetClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the database provider and fetches a CSRF token for the session. */
    public static SupersetClient login(URI base, String username, String password) {
        SupersetClient client = new SupersetClient(base);
        JsonNode tokens = client.send("POST", "/api/v1/security/login",
                Map.of("username", username, "password", password, "provider", "db", "refresh", true), false);
        client.accessToken = tokens.path("access_token").asText(null);
        if (client.accessToken == null) {
            throw new SupersetException("Вход в Superset " + base + " не удался: нет access_token в ответе");
        }
        client.csrfToken = client.send("GET", "/api/v1/security/csrf_token/", null, true).path("result").asText();
        return client;
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, true);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body, true);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, true);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null, true);
    }

    /** Every row of a list endpoint ({@code /api/v1/chart/} …), page by page. */
    public List<JsonNode> list(String resource) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode r = get("/api/v1/" + resource + "/?q=" + Rison.page(page));
            r.path("result").forEach(all::add);
            if (r.path("result").size() < 100) {
                return all;
            }
        }
    }

    /** Rows of a list endpoint whose column equals the value. */
    public List<JsonNode> find(String resource, String column, String value) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode r = get("/api/v1/" + resource + "/?q=" + Rison.eqFilter(column, value, page));
            r.path("result").forEach(all::add);
            if (r.path("result").size() < 100) {
                return all;
            }
        }
    }

    /** The numeric id of the object with this UUID, or -1. */
    public long idOf(String resource, UUID uuid) {
        return list(resource).stream().filter(n -> uuid.toString().equals(n.path("uuid").asText()))
                .mapToLong(n -> n.path("id").asLong()).findFirst().orElse(-1);
    }

    /** {@code POST /api/v1/assets/import/}: the bundle overwrites the objects with the same UUIDs. */
    public void importAssets(byte[] zip, Map<String, String> passwords) {
        String boundary = "----orientir" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"bundle\"; filename=\"orientir_assets.zip\"\r\n")
                .append("Content-Type: application/zip\r\n\r\n");
        StringBuilder tail = new StringBuilder("\r\n");
        tail.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n");
        if (!passwords.isEmpty()) {
            tail.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"passwords\"\r\n\r\n")
                    .append(toJson(passwords)).append("\r\n");
        }
        tail.append("--").append(boundary).append("--\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + zip.length + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(zip, 0, body, h.length, zip.length);
        System.arraycopy(t, 0, body, h.length + zip.length, t.length);
        HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve("/api/v1/assets/import/")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        execute("POST /api/v1/assets/import/", request);
    }

    private JsonNode send(String method, String path, Object body, boolean auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        if (auth) {
            authorized(b);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
        }
        return execute(method + " " + path, b.build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        b.header("Authorization", "Bearer " + accessToken).header("Referer", base.toString() + "/");
        if (csrfToken != null) {
            b.header("X-CSRFToken", csrfToken);
        }
        return b;
    }

    private JsonNode execute(String call, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new SupersetException("Superset " + call + ": HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new SupersetException("Superset " + base + " недоступен (" + call + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupersetException("Прервано: " + call, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
