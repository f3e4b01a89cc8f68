package io.zerotrust.keycloak.events;

import java.util.List;
import java.util.Map;

/** Sample events for tests. */
public final class Events {

    private Events() {
    }

    public static SecurityEvent.Builder login() {
        return SecurityEvent.builder().id("ev-1").time(1_700_000_000_000L).realmId("r1").realmName("demo")
                .type("LOGIN").userId("u-1").username("alice").clientId("account").sessionId("s-1")
                .ip("203.0.113.7").details(Map.of("auth_method", "openid-connect", "username", "alice"))
                .country("DE").city("Berlin").asn(64500L).asOrganization("Example Net")
                .deviceIdHash("ab12").userAgent("Mozilla/5.0 Firefox/128.0")
                .risk(new SecurityEvent.Risk(42, "MEDIUM", List.of("NEW_COUNTRY", "NEW_DEVICE")));
    }
}
