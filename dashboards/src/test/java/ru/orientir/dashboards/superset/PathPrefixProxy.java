package ru.orientir.dashboards.superset;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Superset under a path, as a reverse proxy publishes it ({@code https://host/superset/}): requests under
 * {@code /superset/} go to the real Superset without the prefix; any other path is answered 404 and remembered.
 * Superset 5 cannot serve under a prefix itself.
 */
final class PathPrefixProxy implements AutoCloseable {
    static final String PREFIX = "/superset";
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> outsidePrefix = Collections.synchronizedList(new ArrayList<>());

    PathPrefixProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The proxied Superset's base URL, with the prefix and a trailing slash as an operator might write it. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/");
    }

    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    List<String> outsidePrefix() {
        return List.copyOf(outsidePrefix);
    }

    private void forward(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getRawPath();
            String query = x.getRequestURI().getRawQuery();
            byte[] body = x.getRequestBody().readAllBytes();
            if (!path.startsWith(PREFIX + "/")) {
                outsidePrefix.add(x.getRequestMethod() + " " + path);
                x.sendResponseHeaders(404, -1);
                return;
            }
            forwarded.add(x.getRequestMethod() + " " + path);
            String target = upstream.toString().replaceAll("/$", "") + path.substring(PREFIX.length())
                    + (query == null ? "" : "?" + query);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofMinutes(5))
                    .method(x.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : x.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> b.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                x.sendResponseHeaders(502, -1);
                return;
            }
            r.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> x.getResponseHeaders().add(name, v));
                }
            });
            x.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                x.getResponseBody().write(r.body());
            }
        } finally {
            x.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
