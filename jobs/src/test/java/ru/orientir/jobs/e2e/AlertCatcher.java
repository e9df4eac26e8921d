package ru.orientir.jobs.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A webhook on loopback for ORIENTIR_ALERT_WEBHOOK: keeps every alert's JSON body. */
public final class AlertCatcher implements AutoCloseable {
    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private AlertCatcher() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public static AlertCatcher start() throws IOException {
        return new AlertCatcher();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The alerts' bodies, as received. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public JsonNode json(int i) throws IOException {
        return new ObjectMapper().readTree(bodies.get(i));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
