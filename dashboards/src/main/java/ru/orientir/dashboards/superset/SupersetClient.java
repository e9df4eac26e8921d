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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Superset's REST API as Orientir uses it: log in (JWT), CSRF token with its session cookie, the asset import, list
 * look-ups, and plain JSON calls. Every failure names the call and carries Superset's answer.
 *
 * <p>Superset may sit under a path ({@code https://host/superset/}): every call keeps that path. An access token
 * lives minutes (Superset's {@code JWT_ACCESS_TOKEN_EXPIRES}, 15 by default) and a sync can outlast it: a call
 * answered 401 gets a new access token through the refresh token and is sent once more; when the refresh token is
 * refused too, the client logs in again.
 */
public final class SupersetClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = "/api/v1/security/login";
    private static final String REFRESH = "/api/v1/security/refresh";
    private static final String CSRF = "/api/v1/security/csrf_token/";

    private final URI base;
    /** The base URL without a trailing slash: API paths are appended to it, never resolved against it. */
    private final String root;
    private final String username;
    private final String password;
    private final HttpClient http;
    private String accessToken;
    private String refreshToken;
    private String csrfToken;
    /** Set while logging in or renewing the token: a 401 then is the answer, not a reason to renew again. */
    private boolean renewing;

    private SupersetClient(URI base, String username, String password) {
        this.base = base;
        String b = base.toString();
        this.root = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.username = username;
        this.password = password;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the database provider and fetches a CSRF token for the session. */
    public static SupersetClient login(URI base, String username, String password) {
        SupersetClient client = new SupersetClient(base, username, password);
        client.logIn();
        return client;
    }

    private void logIn() {
        boolean outer = renewing;
        renewing = true;
        try {
            logInOnce();
        } finally {
            renewing = outer;
        }
    }

    private void logInOnce() {
        JsonNode tokens = send("POST", LOGIN,
                Map.of("username", username, "password", password, "provider", "db", "refresh", true), false);
        accessToken = tokens.path("access_token").asText(null);
        refreshToken = tokens.path("refresh_token").asText(null);
        if (accessToken == null) {
            throw new SupersetException("Вход в Superset " + base + " не удался: нет access_token в ответе");
        }
        csrfToken = send("GET", CSRF, null, true).path("result").asText();
    }

    /**
     * A new access token after a 401: through the refresh token (Superset answers {@code access_token} for
     * {@code Authorization: Bearer <refresh token>}), else by logging in again when that is refused or absent.
     */
    private void renewAccess() {
        renewing = true;
        try {
            refreshOrLogIn();
        } finally {
            renewing = false;
        }
    }

    private void refreshOrLogIn() {
        if (refreshToken != null) {
            HttpRequest refresh = HttpRequest.newBuilder(uri(REFRESH)).timeout(Duration.ofMinutes(2))
                    .header("Accept", "application/json").header("Authorization", "Bearer " + refreshToken)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> r = exchange("POST " + REFRESH, refresh);
            String access = null;
            if (r.statusCode() / 100 == 2) {
                try {
                    access = JSON.readTree(r.body()).path("access_token").asText(null);
                } catch (IOException e) {
                    access = null; // an unreadable answer is a refused refresh: log in again below
                }
            }
            if (access != null) {
                accessToken = access;
                csrfToken = send("GET", CSRF, null, true).path("result").asText();
                return;
            }
        }
        logIn();
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
        execute("POST /api/v1/assets/import/", () -> authorized(HttpRequest.newBuilder(uri("/api/v1/assets/import/")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), true);
    }

    private JsonNode send(String method, String path, Object body, boolean auth) {
        String json = body == null ? null : toJson(body);
        return execute(method + " " + path, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                    .header("Accept", "application/json");
            if (auth) {
                authorized(b);
            }
            if (json == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            return b.build();
        }, auth);
    }

    /** The API path under Superset's base URL, keeping the base's own path ({@code /superset/api/v1/…}). */
    URI uri(String path) {
        return URI.create(root + (path.startsWith("/") ? path : "/" + path));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        b.header("Authorization", "Bearer " + accessToken).header("Referer", root + "/");
        if (csrfToken != null) {
            b.header("X-CSRFToken", csrfToken);
        }
        return b;
    }

    /**
     * Sends the request; an authorised call answered 401 (the access token expired) is built again with a renewed
     * token and sent once more.
     */
    private JsonNode execute(String call, Supplier<HttpRequest> request, boolean auth) {
        HttpResponse<String> r = exchange(call, request.get());
        if (auth && r.statusCode() == 401 && !renewing) {
            renewAccess();
            r = exchange(call, request.get());
        }
        if (r.statusCode() / 100 != 2) {
            throw new SupersetException("Superset " + call + ": HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        try {
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new SupersetException("Superset " + call + ": ответ не JSON: " + abbreviate(r.body()), e);
        }
    }

    private HttpResponse<String> exchange(String call, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
