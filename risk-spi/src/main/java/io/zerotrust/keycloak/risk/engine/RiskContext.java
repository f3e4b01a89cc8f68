package io.zerotrust.keycloak.risk.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.posture.PostureVerification;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;

/**
 * Everything evaluators may look at for one sign-in attempt, already translated out of Keycloak types and
 * gathered before any evaluator runs, so evaluators stay pure and do no I/O.
 *
 * @param realm              realm name
 * @param userId             the user being authenticated
 * @param clientIp           the client address as resolved by Keycloak (honouring its proxy settings), or null
 * @param now                the time of the request
 * @param userAgent          the User-Agent header, or null
 * @param headers            request headers by lower-case name (first value)
 * @param cookies            request cookies by name
 * @param location           GeoIP facts about {@code clientIp}, or null when unavailable
 * @param locationProblem    why {@code location} is null (no database, address not found, ...), else null
 * @param profile            what past successful logins taught; {@link UserRiskProfile#empty()} for new users and
 *                           when it could not be read
 * @param profileProblem     why the profile could not be read (a database error), else null: evaluators that
 *                           need it then report themselves unavailable rather than judge a stranger
 * @param device             what the device cookie proved
 * @param failures           recent failure counts, or null when they could not be read
 * @param userAttributes     the user's attributes whose names start with {@code zt.} (marks left by the pack)
 * @param posture            the request's posture assertion as checked against realm, device cookie and replay,
 *                           or null when none was sent or assertions are not checked
 */
public record RiskContext(String realm, String userId, String clientIp, Instant now, String userAgent,
                          Map<String, String> headers, Map<String, String> cookies,
                          GeoLocation location, String locationProblem, UserRiskProfile profile,
                          String profileProblem, DeviceSignal device, FailureCounts failures, Map<String, String> userAttributes,
                          PostureVerification posture) {

    public RiskContext {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(now, "now");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
        profile = profile == null ? UserRiskProfile.empty() : profile;
        device = device == null ? DeviceSignal.absent() : device;
        userAttributes = userAttributes == null ? Map.of() : Map.copyOf(userAttributes);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public static Builder builder(String realm, Instant now) {
        return new Builder(realm, now);
    }

    /** Builds a context field by field; unset fields are null or empty. */
    public static final class Builder {
        private final String realm;
        private final Instant now;
        private String userId;
        private String clientIp;
        private String userAgent;
        private Map<String, String> headers = Map.of();
        private Map<String, String> cookies = Map.of();
        private GeoLocation location;
        private String locationProblem;
        private UserRiskProfile profile;
        private String profileProblem;
        private DeviceSignal device;
        private FailureCounts failures;
        private Map<String, String> userAttributes = Map.of();
        private PostureVerification posture;

        private Builder(String realm, Instant now) {
            this.realm = realm;
            this.now = now;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder clientIp(String value) {
            this.clientIp = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder headers(Map<String, String> value) {
            this.headers = value;
            return this;
        }

        public Builder cookies(Map<String, String> value) {
            this.cookies = value;
            return this;
        }

        public Builder location(GeoLocation value) {
            this.location = value;
            return this;
        }

        public Builder locationProblem(String value) {
            this.locationProblem = value;
            return this;
        }

        public Builder profile(UserRiskProfile value) {
            this.profile = value;
            return this;
        }

        public Builder profileProblem(String value) {
            this.profileProblem = value;
            return this;
        }

        public Builder device(DeviceSignal value) {
            this.device = value;
            return this;
        }

        public Builder failures(FailureCounts value) {
            this.failures = value;
            return this;
        }

        public Builder userAttributes(Map<String, String> value) {
            this.userAttributes = value;
            return this;
        }

        public Builder posture(PostureVerification value) {
            this.posture = value;
            return this;
        }

        public RiskContext build() {
            return new RiskContext(realm, userId, clientIp, now, userAgent, headers, cookies, location, locationProblem,
                    profile, profileProblem, device, failures, userAttributes, posture);
        }
    }
}
