package io.zerotrust.keycloak.events;

import java.util.List;
import java.util.Map;

/**
 * One Keycloak user or admin event as the pipeline carries it: copied off the request thread's mutable event,
 * enriched, and free of Keycloak types so that mapping, scoring and delivery are plain Java.
 *
 * @param id             the event's id; becomes the OCSF {@code metadata.uid}, the receivers' idempotency key
 * @param time           epoch milliseconds
 * @param realmId        realm id
 * @param realmName      realm name, or null
 * @param origin         user or admin event
 * @param type           Keycloak event type ({@code LOGIN}, {@code LOGIN_ERROR}, ...) or, for admin events, the
 *                       operation ({@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code ACTION})
 * @param error          Keycloak's error code, null on success
 * @param userId         the user (for admin events: the acting admin), or null
 * @param username       the user name as entered or known, or null
 * @param clientId       OAuth client id, or null
 * @param sessionId      user session id, or null
 * @param ip             client address as Keycloak resolved it, or null
 * @param details        the event's details (admin events: resource type, path); never null
 * @param country        ISO country code of {@code ip}, or null
 * @param city           city of {@code ip}, or null
 * @param asn            autonomous system number of {@code ip}, or null
 * @param asOrganization owner of the autonomous system, or null
 * @param deviceIdHash   hex SHA-256 of the device cookie id, never the id itself, or null
 * @param userAgent      the request's User-Agent header, or null
 * @param risk           the risk assessment the flow recorded, or null
 * @param latitude       GeoIP latitude of {@code ip} in degrees, or null
 * @param longitude      GeoIP longitude of {@code ip} in degrees, or null
 */
public record SecurityEvent(String id, long time, String realmId, String realmName, Origin origin, String type,
                            String error, String userId, String username, String clientId, String sessionId,
                            String ip, Map<String, String> details, String country, String city, Long asn,
                            String asOrganization, String deviceIdHash, String userAgent, Risk risk,
                            Double latitude, Double longitude) {

    /** Detail of an admin event: the resource type ({@code USER}, {@code REALM_ROLE_MAPPING}, ...). */
    public static final String RESOURCE_TYPE = "resource_type";
    /** Detail of an admin event: the resource path ({@code users/<id>/reset-password}, ...). */
    public static final String RESOURCE_PATH = "resource_path";

    /**
     * Type of the audit record of an analyst's verdict on a finding ({@code /zt-findings}): {@code userId} is the
     * analyst, the details name the finding ({@link #FINDING_ID}, {@link #VERDICT}, {@link #NOTE}, ...).
     */
    public static final String FINDING_VERDICT = "ZT_FINDING_VERDICT";
    /** Detail of a {@link #FINDING_VERDICT}: the finding's id. */
    public static final String FINDING_ID = "finding_id";
    /** Detail of a {@link #FINDING_VERDICT}: the finding's kind ({@code TOKEN_THEFT}, ...). */
    public static final String FINDING_KIND = "finding_kind";
    /** Detail of a {@link #FINDING_VERDICT}: the user the finding was about, if any. */
    public static final String FINDING_USER_ID = "finding_user_id";
    /** Detail of a {@link #FINDING_VERDICT}: {@code true_positive} or {@code false_positive}. */
    public static final String VERDICT = "verdict";
    /** Detail of a {@link #FINDING_VERDICT}: the analyst's note, if any. */
    public static final String NOTE = "note";

    /** Where the event came from. */
    public enum Origin { USER, ADMIN }

    /**
     * The risk assessment of a sign-in, as the risk step wrote it into the event details.
     *
     * @param score   0-100, or null when the details held none
     * @param level   LOW, MEDIUM or HIGH, or null
     * @param reasons reason codes, strongest first
     */
    public record Risk(Integer score, String level, List<String> reasons) {
        public Risk {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    public SecurityEvent {
        details = copyWithoutNulls(details);
    }

    // Keycloak's details may hold null values, which Map.copyOf rejects
    private static Map<String, String> copyWithoutNulls(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.TreeMap<>();
        details.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SecurityEvent} field by field; unset fields are null. */
    public static final class Builder {
        private String id;
        private long time;
        private String realmId;
        private String realmName;
        private Origin origin = Origin.USER;
        private String type;
        private String error;
        private String userId;
        private String username;
        private String clientId;
        private String sessionId;
        private String ip;
        private Map<String, String> details;
        private String country;
        private String city;
        private Long asn;
        private String asOrganization;
        private String deviceIdHash;
        private String userAgent;
        private Risk risk;
        private Double latitude;
        private Double longitude;

        public Builder id(String v) { id = v; return this; }
        public Builder time(long v) { time = v; return this; }
        public Builder realmId(String v) { realmId = v; return this; }
        public Builder realmName(String v) { realmName = v; return this; }
        public Builder origin(Origin v) { origin = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder error(String v) { error = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder sessionId(String v) { sessionId = v; return this; }
        public Builder ip(String v) { ip = v; return this; }
        public Builder details(Map<String, String> v) { details = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder city(String v) { city = v; return this; }
        public Builder asn(Long v) { asn = v; return this; }
        public Builder asOrganization(String v) { asOrganization = v; return this; }
        public Builder deviceIdHash(String v) { deviceIdHash = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder risk(Risk v) { risk = v; return this; }
        public Builder latitude(Double v) { latitude = v; return this; }
        public Builder longitude(Double v) { longitude = v; return this; }

        public SecurityEvent build() {
            return new SecurityEvent(id, time, realmId, realmName, origin, type, error, userId, username, clientId,
                    sessionId, ip, details, country, city, asn, asOrganization, deviceIdHash, userAgent, risk, latitude,
                    longitude);
        }
    }

    public boolean failed() {
        return error != null;
    }

    /** The event type without Keycloak's {@code _ERROR} suffix: LOGIN_ERROR is a failed LOGIN. */
    public String baseType() {
        return type != null && type.endsWith("_ERROR") ? type.substring(0, type.length() - "_ERROR".length()) : type;
    }

    /** The network (autonomous system) as a string, or null. */
    public String network() {
        return asn == null ? null : "AS" + asn;
    }
}
