package io.zerotrust.keycloak.events.listener;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;

/**
 * Copies Keycloak's events into {@link SecurityEvent}s on the request thread: cheap work only (no parsing of the
 * User-Agent, no I/O). The device id is hashed (it is a bearer secret); risk details are read from the event.
 */
public final class EventCapture {

    /** User event types the pipeline exports (each with its _ERROR twin): those the OCSF mapping maps. */
    static final Set<EventType> CAPTURED = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(EventType.values()).filter(t -> OcsfMapper.exports(t.name())).toList()));

    /** Longest User-Agent kept: real ones are a few hundred characters. */
    static final int MAX_USER_AGENT = 512;

    private EventCapture() {
    }

    public static boolean captured(EventType type) {
        return type != null && CAPTURED.contains(type);
    }

    /** @param event a copy the caller owns (Keycloak reuses its own) */
    public static SecurityEvent of(Event event, GeoLocation location, String userAgent) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        SecurityEvent.Builder builder = SecurityEvent.builder()
                .id(event.getId()).time(event.getTime()).realmId(event.getRealmId()).realmName(event.getRealmName())
                .origin(SecurityEvent.Origin.USER).type(event.getType().name()).error(event.getError())
                .userId(event.getUserId()).username(details.get("username")).clientId(event.getClientId())
                .sessionId(event.getSessionId()).ip(event.getIpAddress()).details(withoutDeviceId(details))
                .deviceIdHash(hash(details.get(RiskNotes.EVENT_DEVICE_ID)))
                .userAgent(userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                        : userAgent.substring(0, MAX_USER_AGENT))
                .risk(risk(details));
        located(builder, location);
        return builder.build();
    }

    /**
     * Admin events: never with the representation, which may hold secrets (client secrets, credentials).
     *
     * @param event a copy the caller owns
     */
    public static SecurityEvent of(AdminEvent event, GeoLocation location) {
        Map<String, String> details = new HashMap<>();
        if (event.getDetails() != null) {
            details.putAll(event.getDetails());
        }
        details.put(SecurityEvent.RESOURCE_TYPE, event.getResourceTypeAsString());
        details.put(SecurityEvent.RESOURCE_PATH, event.getResourcePath());
        String ip = null;
        String userId = null;
        String clientId = null;
        if (event.getAuthDetails() != null) {
            ip = event.getAuthDetails().getIpAddress();
            userId = event.getAuthDetails().getUserId();
            clientId = event.getAuthDetails().getClientId();
            details.put("auth_realm_id", event.getAuthDetails().getRealmId());
        }
        SecurityEvent.Builder builder = SecurityEvent.builder()
                .id(event.getId()).time(event.getTime()).realmId(event.getRealmId()).realmName(event.getRealmName())
                .origin(SecurityEvent.Origin.ADMIN)
                .type(event.getOperationType() == null ? "UNKNOWN" : event.getOperationType().name())
                .error(event.getError()).userId(userId).clientId(clientId).ip(ip).details(details);
        located(builder, location);
        return builder.build();
    }

    private static void located(SecurityEvent.Builder builder, GeoLocation location) {
        if (location != null) {
            builder.country(location.countryCode()).city(location.city()).asn(location.asn())
                    .asOrganization(location.asOrganization()).latitude(location.latitude()).longitude(location.longitude());
        }
    }

    private static Map<String, String> withoutDeviceId(Map<String, String> details) {
        if (!details.containsKey(RiskNotes.EVENT_DEVICE_ID)) {
            return details;
        }
        Map<String, String> copy = new HashMap<>(details);
        copy.remove(RiskNotes.EVENT_DEVICE_ID);
        return copy;
    }

    static SecurityEvent.Risk risk(Map<String, String> details) {
        String score = details.get(RiskNotes.EVENT_SCORE);
        String level = details.get(RiskNotes.EVENT_LEVEL);
        String reasons = details.get(RiskNotes.EVENT_REASONS);
        if (score == null && level == null && reasons == null) {
            return null;
        }
        Integer parsed = null;
        try {
            parsed = score == null ? null : Integer.valueOf(score.trim());
        } catch (NumberFormatException ignored) {
            // kept as absent; the raw detail stays in unmapped
        }
        return new SecurityEvent.Risk(parsed, level, RiskNotes.codes(reasons));
    }

    /** Hex SHA-256 of a device id, or null. */
    static String hash(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(deviceId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
