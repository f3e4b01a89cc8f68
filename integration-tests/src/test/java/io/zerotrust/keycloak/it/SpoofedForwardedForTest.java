package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack reads the client address only as Keycloak resolved it. The test server trusts X-Forwarded-For from
 * 127.0.0.1 only; a client connecting from 127.0.0.2 (another loopback address, so every Linux machine has it) is
 * not a trusted proxy, and whatever address it claims must change nothing: not its risk, not the event's address.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class SpoofedForwardedForTest {

    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @InjectRealm(fromJson = "/zt-direct-grant-realm.json", ref = "spoof")
    ManagedRealm realm;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        // From the trusted proxy the header counts: the Tor exit is refused
        Reply viaProxy = passwordGrant("127.0.0.1", "tom", RiskFixtures.BERLIN_TOR);
        assertThat(viaProxy.status()).as(viaProxy.body()).isEqualTo(400);
        assertThat(json.readTree(viaProxy.body()).path("error").asText()).isEqualTo("access_denied");

        // From an untrusted peer the same header is only a claim: the grant is judged from the peer's own address
        Reply spoofed = passwordGrant(UNTRUSTED_PEER, "dora", RiskFixtures.BERLIN_TOR);
        assertThat(spoofed.status()).as(spoofed.body()).isEqualTo(200);
        assertThat(json.readTree(spoofed.body()).path("access_token").asText()).isNotEmpty();

        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), null, null, null, null, null, 0, 50);
        assertThat(logins).as("LOGIN events").anySatisfy(e -> {
            assertThat(e.getIpAddress()).isEqualTo(UNTRUSTED_PEER);
            // assessed, from the peer's internal address: no location, no Tor
            assertThat(e.getDetails()).containsEntry("zt_risk_level", "LOW");
            assertThat(e.getDetails().getOrDefault("zt_risk_reasons", "")).doesNotContain("TOR");
        });
        assertThat(logins).noneSatisfy(e -> assertThat(e.getIpAddress()).isEqualTo(RiskFixtures.BERLIN_TOR));
    }

    /**
     * A password grant over a socket bound to {@code from}, written by hand (HTTP/1.0, so the answer is never
     * chunked): Java's HttpClient cannot choose its local address.
     */
    private Reply passwordGrant(String from, String username, String forwardedFor) throws IOException {
        String body = Map.of("grant_type", "password", "client_id", "zt-cli", "username", username,
                        "password", username + "-Passw0rd!").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /realms/" + realm.getName() + "/protocol/openid-connect/token HTTP/1.0\r\n"
                + "Host: 127.0.0.1:8080\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new Reply(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private record Reply(int status, String body) {
    }
}
