package ru.orientir.dashboards.superset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client does when its access token expires. A real Superset cannot be made to expire a token on demand,
 * so this fake answers as Superset does: 401 for an expired bearer token, a new access token from
 * {@code /api/v1/security/refresh} for the refresh token. It serves only under {@code /superset/}, as Superset behind
 * a path prefix: a call that loses the prefix gets 404. The real Superset tests cover everything else.
 */
class SupersetClientTokenTest {
    private HttpServer server;
    private URI base;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> validAccess = Collections.synchronizedSet(new HashSet<>());
    private volatile boolean refreshAccepted = true;
    private volatile boolean resourceAlwaysRefuses;
    private volatile int logins;
    private volatile int refreshes;
    private volatile byte[] lastImport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/superset/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String bearer = String.valueOf(x.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
        byte[] body = x.getRequestBody().readAllBytes();
        requests.add(x.getRequestMethod() + " " + path + " " + bearer);
        if (!path.startsWith("/superset/api/v1/")) {
            reply(x, 404, "{\"message\": \"Not found\"}");
            return;
        }
        switch (path.substring("/superset".length())) {
            case "/api/v1/security/login" -> {
                logins++;
                String access = "access-" + logins;
                validAccess.add(access);
                reply(x, 200, "{\"access_token\": \"" + access + "\", \"refresh_token\": \"refresh-" + logins + "\"}");
            }
            case "/api/v1/security/refresh" -> {
                refreshes++;
                if (refreshAccepted && bearer.startsWith("refresh-")) {
                    String access = "access-refreshed-" + refreshes;
                    validAccess.add(access);
                    reply(x, 200, "{\"access_token\": \"" + access + "\"}");
                } else {
                    reply(x, 401, "{\"msg\": \"Token has expired\"}");
                }
            }
            default -> {
                if (!validAccess.contains(bearer) || resourceAlwaysRefuses && !path.endsWith("/csrf_token/")) {
                    reply(x, 401, "{\"msg\": \"Token has expired\"}");
                } else if (path.endsWith("/csrf_token/")) {
                    reply(x, 200, "{\"result\": \"csrf-for-" + bearer + "\"}");
                } else if (path.endsWith("/assets/import/")) {
                    lastImport = body;
                    reply(x, 200, "{\"message\": \"OK\"}");
                } else {
                    reply(x, 200, "{\"result\": [{\"id\": 7, \"seen_with\": \"" + bearer + "\"}]}");
                }
            }
        }
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private void expireEveryAccessToken() {
        validAccess.clear();
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRefreshTokenAndTheCallSentOnceMore() {
        SupersetClient client = SupersetClient.login(base, "admin", "secret");
        assertEquals("access-1", client.get("/api/v1/dashboard/").path("result").path(0).path("seen_with").asText());

        expireEveryAccessToken();
        assertEquals("access-refreshed-1",
                client.get("/api/v1/dashboard/").path("result").path(0).path("seen_with").asText());
        assertEquals(1, refreshes);
        assertEquals(1, logins, "the refresh token sufficed: no second login");
        assertTrue(requests.contains("POST /superset/api/v1/security/refresh refresh-1"), requests.toString());

        // a multipart upload is sent again whole after the renewal
        expireEveryAccessToken();
        byte[] zip = "PK-the-bundle".getBytes(StandardCharsets.UTF_8);
        client.importAssets(zip, Map.of());
        assertEquals(2, refreshes);
        String sent = new String(lastImport, StandardCharsets.ISO_8859_1);
        assertTrue(sent.contains("PK-the-bundle") && sent.contains("name=\"overwrite\""), sent);

        assertEquals(List.of(), requests.stream().filter(r -> !r.split(" ")[1].startsWith("/superset/api/v1/"))
                .toList(), "every call keeps the path prefix of SUPERSET_URL");
    }

    @Test
    void aRefusedRefreshTokenMeansLoggingInAgain() {
        SupersetClient client = SupersetClient.login(base, "admin", "secret");
        refreshAccepted = false;
        expireEveryAccessToken();
        assertEquals("access-2", client.post("/api/v1/chart/data", Map.of("queries", List.of()))
                .path("result").path(0).path("seen_with").asText());
        assertEquals(1, refreshes);
        assertEquals(2, logins);
    }

    @Test
    void aCallRefusedAfterTheRenewalFailsWithSupersetsAnswerAndRenewsOnlyOnce() {
        SupersetClient client = SupersetClient.login(base, "admin", "secret");
        resourceAlwaysRefuses = true;
        SupersetException e = assertThrows(SupersetException.class, () -> client.get("/api/v1/dashboard/"));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("Token has expired"), e.getMessage());
        assertEquals(1, refreshes, "one renewal, then the answer stands");
        assertEquals(2, requests.stream().filter(r -> r.startsWith("GET /superset/api/v1/dashboard/")).count());
    }

    @Test
    void wrongCredentialsAreNotRetried() {
        server.removeContext("/");
        server.createContext("/", x -> {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            reply(x, 401, "{\"message\": \"Not authorized\"}");
        });
        SupersetException e = assertThrows(SupersetException.class, () -> SupersetClient.login(base, "admin", "wrong"));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertArrayEquals(new String[] {"POST /superset/api/v1/security/login"}, requests.toArray(new String[0]));
    }
}
