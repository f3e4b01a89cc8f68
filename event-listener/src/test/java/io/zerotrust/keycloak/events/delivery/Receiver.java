package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on 127.0.0.1, ephemeral port: checks signatures, records events, answers as scripted. */
final class Receiver implements AutoCloseable {

    static final String SECRET = "0123456789abcdef-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scripted answer: status and optional Retry-After. */
    record Answer(int status, String retryAfter) {
    }

    final List<String> ids = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final List<Long> requestTimes = new CopyOnWriteArrayList<>();
    final List<Boolean> signaturesValid = new CopyOnWriteArrayList<>();
    final List<String> timestamps = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    volatile Answer otherwise = new Answer(200, null);
    /** Batches of more events are answered 413, as a receiver with a body size limit does; 0: no limit. */
    volatile int maxBatch;
    /** A batch holding this event id is answered 413, as for one event over the receiver's body limit. */
    volatile String tooLarge;
    /** A batch holding this event id is answered 400 with a reason, as for one event the receiver cannot parse. */
    volatile String badEvent;
    private final HttpServer server;
    private final int port;

    Receiver() throws IOException {
        this(0);
    }

    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requestTimes.add(System.nanoTime());
            signaturesValid.add(new WebhookSignature(SECRET).verify(body,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
            timestamps.add(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
            Answer answer = script.isEmpty() ? otherwise : script.pollFirst();
            List<String> batch = new ArrayList<>();
            for (JsonNode event : JSON.readTree(body)) {
                batch.add(event.at("/metadata/uid").asText());
            }
            if (maxBatch > 0 && batch.size() > maxBatch || tooLarge != null && batch.contains(tooLarge)) {
                answer = new Answer(413, null);
            }
            String reply = null;
            if (badEvent != null && batch.contains(badEvent)) {
                answer = new Answer(400, null);
                reply = "{\"error\":\"missing class_uid\"}";
            }
            if (answer.status() == 200) {
                ids.addAll(batch);
                batchSizes.add(batch.size());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            if (reply == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                byte[] bytes = reply.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        this.port = server.getAddress().getPort();
    }

    int port() {
        return port;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hook");
    }

    List<String> sortedIds() {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
