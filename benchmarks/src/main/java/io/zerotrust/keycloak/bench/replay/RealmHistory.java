package io.zerotrust.keycloak.bench.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zerotrust.keycloak.bench.detection.LoginRecord;
import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.device.DeviceEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.geo.GeoRule;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import io.zerotrust.keycloak.risk.velocity.CredentialFailure;
import io.zerotrust.keycloak.risk.velocity.FailureRecord;

/**
 * A realm's exported sign-in history, read from either export: the sign-ins to judge again (in time order), the
 * credential failures the server counted ({@link CredentialFailure}), and what was skipped or could not be read.
 *
 * @param format    which export it was read from
 * @param events    records read (lines or array elements), malformed ones included
 * @param signIns   LOGIN events, and LOGIN_ERROR refusals after a verified password, oldest first
 * @param failures  credential failures, oldest first
 * @param skipped   records of other classes or types, by what they were
 * @param malformed what could not be read, one entry per record ("line 7: ...")
 */
public record RealmHistory(String format, int events, List<RecordedSignIn> signIns, List<FailureRecord> failures,
                           Map<String, Integer> skipped, List<String> malformed) {

    /** Where the address hid the user: the recorded anonymity reasons stand for the flags of the GeoIP answer. */
    private static final String VPN = GeoRule.ANONYMOUS_VPN.code();
    private static final String HOSTING = GeoRule.HOSTING_PROVIDER.code();
    private static final String TOR = GeoRule.TOR_EXIT.code();
    private static final String PROXY = GeoRule.PUBLIC_PROXY.code();
    private static final String GEO_UNAVAILABLE = "GEO_UNAVAILABLE";

    public RealmHistory {
        signIns = List.copyOf(signIns);
        failures = List.copyOf(failures);
        skipped = Map.copyOf(skipped);
        malformed = List.copyOf(malformed);
    }

    /** Collects records one by one; {@link #build()} sorts them by time. */
    public static final class Builder {

        private final String format;
        private int events;
        private final List<RecordedSignIn> signIns = new ArrayList<>();
        private final List<FailureRecord> failures = new ArrayList<>();
        private final Map<String, Integer> skipped = new TreeMap<>();
        private final List<String> malformed = new ArrayList<>();

        public Builder(String format) {
            this.format = format;
        }

        /** A record of another class or type, e.g. {@code "Detection Finding"} or {@code "CODE_TO_TOKEN"}. */
        public void skip(String what) {
            events++;
            skipped.merge(what, 1, Integer::sum);
        }

        /** A record that could not be read, e.g. {@code "line 7: not JSON"}. */
        public void malformed(String where, String problem) {
            events++;
            malformed.add(where + ": " + problem);
        }

        /** A LOGIN or LOGIN_ERROR; anything else is skipped by its type. */
        public void add(String where, RecordedEvent event) {
            if ("LOGIN".equals(event.type())) {
                if (event.userId() == null) {
                    malformed(where, "LOGIN without a user id");
                    return;
                }
                events++;
                signIns.add(signIn(event, false));
            } else if ("LOGIN_ERROR".equals(event.type())) {
                events++;
                boolean failure = CredentialFailure.is(event.type(), event.error(), event.details());
                String user = CredentialFailure.userKey(event.userId(), event.username());
                if (failure && user != null) {
                    failures.add(new FailureRecord(event.time(), user, event.ip(), CredentialFailure.network(event.asn())));
                }
                if (event.userId() != null && "true".equals(event.details().get(RiskNotes.EVENT_PASSWORD_VERIFIED))) {
                    signIns.add(signIn(event, true));
                } else if (!failure || user == null) {
                    skipped.merge("LOGIN_ERROR " + (event.error() == null ? "(no error)" : event.error()), 1, Integer::sum);
                }
            } else {
                skip(event.type() == null ? "(no type)" : event.type());
            }
        }

        private static RecordedSignIn signIn(RecordedEvent event, boolean refused) {
            List<String> reasons = event.reasons();
            GeoLocation location = location(event, reasons);
            DeviceCookieStatus status = deviceStatus(event, reasons);
            String presented = status == DeviceCookieStatus.VALID ? event.device() : null;
            String issued = status == DeviceCookieStatus.VALID ? null : event.device();
            String verified = event.details().get(RiskNotes.EVENT_VERIFIED);
            LoginRecord login = new LoginRecord(event.userId(), event.time(), event.ip(), location, event.userAgent(),
                    presented, issued, !refused && Boolean.parseBoolean(verified));
            String problem = location != null ? null
                    : reasons.contains(GEO_UNAVAILABLE) ? "address not found in the GeoIP database (as recorded)"
                    : GeoLookup.NOT_CONFIGURED;
            return new RecordedSignIn(login, event.username(), refused, verified != null, level(event.riskLevel()),
                    reasons, status, reasons.contains(DeviceEvaluator.DEVICE_TRUSTED), problem);
        }

        private static GeoLocation location(RecordedEvent event, List<String> reasons) {
            if (event.countryCode() == null && event.city() == null && event.asn() == null) {
                return null;
            }
            String country = event.countryCode() == null ? null : event.countryCode().toUpperCase(Locale.ROOT);
            return new GeoLocation(country, null, event.city(), event.latitude(), event.longitude(), null,
                    event.asn(), event.asOrganization(), reasons.contains(VPN), reasons.contains(HOSTING),
                    reasons.contains(TOR), reasons.contains(PROXY));
        }

        private static DeviceCookieStatus deviceStatus(RecordedEvent event, List<String> reasons) {
            if (reasons.contains(DeviceEvaluator.DEVICE_COOKIE_FORGED)) {
                return DeviceCookieStatus.FORGED;
            }
            if (reasons.contains(DeviceEvaluator.DEVICE_COOKIE_OTHER_USER)) {
                return DeviceCookieStatus.OTHER_USER;
            }
            if (reasons.contains(DeviceEvaluator.DEVICE_COOKIE_EXPIRED)) {
                return DeviceCookieStatus.EXPIRED;
            }
            return event.device() == null ? DeviceCookieStatus.ABSENT : DeviceCookieStatus.VALID;
        }

        private static RiskLevel level(String value) {
            if (value == null) {
                return null;
            }
            try {
                return RiskLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public RealmHistory build() {
            signIns.sort(Comparator.comparing((RecordedSignIn s) -> s.login().time()));
            failures.sort(Comparator.comparing(FailureRecord::time));
            return new RealmHistory(format, events, signIns, failures, skipped, malformed);
        }
    }
}
