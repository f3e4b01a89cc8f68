package io.zerotrust.keycloak.bench.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A LOGIN or LOGIN_ERROR as either export carries it, before it is interpreted ({@link RealmHistory.Builder}).
 * Absent values are null.
 *
 * @param time          when it happened
 * @param type          Keycloak's event type, {@code LOGIN} or {@code LOGIN_ERROR}
 * @param error         Keycloak's error, or null
 * @param userId        the user's id
 * @param username      the user name as entered or known
 * @param ip            client address
 * @param countryCode   ISO code GeoIP gave
 * @param city          city GeoIP gave
 * @param latitude      degrees
 * @param longitude     degrees
 * @param asn           autonomous system number
 * @param asOrganization its owner
 * @param device        the device identity: the OCSF export's hash of the device id, or the stored event's id
 * @param userAgent     User-Agent header
 * @param riskLevel     the level the sign-in was given
 * @param reasons       its reason codes (empty when none were recorded)
 * @param details       Keycloak's event details, never null
 */
public record RecordedEvent(Instant time, String type, String error, String userId, String username, String ip,
                            String countryCode, String city, Double latitude, Double longitude, Long asn,
                            String asOrganization, String device, String userAgent, String riskLevel,
                            List<String> reasons, Map<String, String> details) {

    public RecordedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
