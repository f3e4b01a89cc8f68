package io.zerotrust.keycloak.bench.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;

/**
 * A small realm history as the {@code zt-events} file sink writes it, made by the real {@link OcsfMapper}: alice
 * signs in from Berlin on her laptop every weekday morning, bob from Vienna (once after clearing his cookies), a
 * leaked password of alice's is tried from Tokyo and refused, and six accounts are stuffed from one address just
 * before carol signs in from it. Plus a token event (skipped) and a line that is not JSON (malformed).
 */
final class OcsfFixture {

    static final Instant START = Instant.parse("2025-03-03T07:00:00Z");
    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0";
    static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15";

    /** Where GeoIP places each city of the fixture (the OCSF location's lat and long). */
    private static final Map<String, double[]> COORDINATES = Map.of("Berlin", new double[] {52.52, 13.405},
            "Vienna", new double[] {48.208, 16.373}, "Tokyo", new double[] {35.68, 139.69},
            "Amsterdam", new double[] {52.37, 4.90});

    private final OcsfMapper mapper = new OcsfMapper();
    private final List<String> lines = new ArrayList<>();
    private int ids;

    static List<String> lines() {
        OcsfFixture fixture = new OcsfFixture();
        fixture.history();
        return fixture.lines;
    }

    private void history() {
        for (int day = 0; day < 5; day++) {
            Instant morning = START.plus(Duration.ofDays(day));
            login(morning, "u-alice", "alice", "198.51.100.10", "DE", "Berlin", 3320L, "d-alice", FIREFOX, "LOW", true);
            login(morning.plus(Duration.ofMinutes(30)), "u-bob", "bob", "203.0.113.20", "AT", "Vienna", 8447L,
                    day == 3 ? "d-bob-2" : "d-bob", SAFARI, "LOW", true);
        }
        // day 2: alice's password from Tokyo on a hosting network with a new browser, refused by zt-deny
        Instant tokyo = START.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
        emit(base(tokyo, "LOGIN_ERROR", "u-alice", "alice", "192.0.2.50", "JP", "Tokyo", 64496L, "d-attacker", SAFARI)
                .error("access_denied")
                .details(Map.of("username", "alice", "zt_password_verified", "true", "zt_refusal_basis", "risk",
                        "zt_reference", "K7Q2M-XR9TD"))
                .risk(new SecurityEvent.Risk(88, "HIGH", List.of("GEO_NEW_COUNTRY", "GEO_HOSTING_PROVIDER",
                        "DEVICE_UNKNOWN", "GEO_NEW_NETWORK")))
                .build());
        // day 5: six accounts fail from one address, then carol signs in from it
        Instant stuffing = START.plus(Duration.ofDays(4)).plus(Duration.ofHours(3));
        for (int i = 0; i < 6; i++) {
            emit(base(stuffing.plus(Duration.ofSeconds(i)), "LOGIN_ERROR", null, "user" + i, "192.0.2.99", "NL",
                    "Amsterdam", 64497L, null, FIREFOX).error("user_not_found")
                    .details(Map.of("username", "user" + i)).build());
        }
        login(stuffing.plus(Duration.ofMinutes(2)), "u-carol", "carol", "192.0.2.99", "NL", "Amsterdam", 64497L,
                "d-carol", FIREFOX, "HIGH", false);
        emit(base(stuffing.plus(Duration.ofMinutes(3)), "CODE_TO_TOKEN", "u-alice", "alice", "198.51.100.10", "DE",
                "Berlin", 3320L, null, FIREFOX).build());
        lines.add("{\"class_uid\": 3002, \"time\": ");
    }

    private void login(Instant time, String userId, String name, String ip, String country, String city, long asn,
                       String device, String agent, String level, boolean verified) {
        Map<String, String> details = new HashMap<>();
        details.put("username", name);
        details.put("auth_method", "openid-connect");
        details.put("zt_risk_verified", Boolean.toString(verified));
        emit(base(time, "LOGIN", userId, name, ip, country, city, asn, device, agent).details(details)
                .risk(new SecurityEvent.Risk("LOW".equals(level) ? 6 : 91, level, List.of())).build());
    }

    private SecurityEvent.Builder base(Instant time, String type, String userId, String name, String ip, String country,
                                       String city, long asn, String device, String agent) {
        return SecurityEvent.builder().id("ev-" + ++ids).time(time.toEpochMilli()).realmId("r-1").realmName("acme")
                .type(type).userId(userId).username(name).clientId("account").ip(ip).country(country).city(city)
                .asn(asn).asOrganization("AS" + asn).deviceIdHash(device == null ? null : "sha256-" + device)
                .latitude(COORDINATES.get(city)[0]).longitude(COORDINATES.get(city)[1])
                .userAgent(agent).details(Map.of("username", name));
    }

    private void emit(SecurityEvent event) {
        lines.add(mapper.map(event).orElseThrow().text());
    }
}
