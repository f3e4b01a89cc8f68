package io.zerotrust.keycloak.bench.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that counts the events of each batch (a JSON array) and answers 204; no checks
 * and no de-duplication (the webhook's drainer replays nothing when every post succeeds), so that it never is the
 * limit.
 */
final class WebhookArrivals implements Arrivals {

    private static final JsonFactory JSON = new JsonFactory();

    private final AtomicLong received = new AtomicLong();
    private final HttpServer server;

    private WebhookArrivals(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/ocsf", exchange -> {
            long events = 0;
            try (InputStream in = exchange.getRequestBody(); JsonParser parser = JSON.createParser(in)) {
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        events++;
                    }
                }
            }
            received.addAndGet(events);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
    }

    static WebhookArrivals listening(int port) throws IOException {
        WebhookArrivals arrivals = new WebhookArrivals(port);
        arrivals.server.start();
        return arrivals;
    }

    @Override
    public String sink() {
        return "the webhook";
    }

    @Override
    public String outboxColumn() {
        return "TO_WEBHOOK";
    }

    @Override
    public long count() {
        return received.get();
    }

    @Override
    public long repeats() {
        return 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
