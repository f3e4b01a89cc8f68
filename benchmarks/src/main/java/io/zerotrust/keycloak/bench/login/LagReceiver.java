package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zerotrust.keycloak.events.delivery.WebhookSignature;

/**
 * The pack server's webhook receiver on loopback: checks each batch's signature as a real receiver would
 * (401 when it does not match), and records when each LOGIN of the realm arrived. Answers 204.
 */
final class LagReceiver implements AutoCloseable {

    static final String PATH = "/ocsf";

    private final HttpServer server;
    private final WebhookSignature signature;
    private final String realm;
    private final DrainLag lag;
    private final AtomicInteger refused = new AtomicInteger();

    LagReceiver(int port, String secret, String realm, DrainLag lag) throws IOException {
        this.signature = new WebhookSignature(secret);
        this.realm = realm;
        this.lag = lag;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Batches refused for a signature that did not match. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.currentTimeMillis();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!signature.verify(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            for (OcsfLogins.Login login : OcsfLogins.in(body, realm)) {
                lag.arrived(login.eventId(), login.timeMillis(), arrived);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
