package io.zerotrust.keycloak.bench.detection;

import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;

/**
 * What {@code RiskContextGatherer} would have gathered for a sign-in beyond its {@link LoginRecord}: the device
 * cookie's status, the recent failures and, when there is no location, why. {@link PackScorer} asks it for each
 * sign-in it judges.
 */
public interface SignInFacts {

    /** The device cookie the sign-in presented. */
    DeviceSignal device(LoginRecord login);

    /** Recent failures around the sign-in, counted over {@code window}. */
    FailureCounts failures(LoginRecord login, FailureWindow window);

    /** Why {@link LoginRecord#location()} is null (a {@link GeoLookup} problem), for a sign-in without one. */
    String locationProblem(LoginRecord login);

    /**
     * The synthetic histories' facts: a presented cookie is valid (none is absent, none trusted), no failures, and
     * a missing location is an address the GeoIP database does not know (so the signal is unavailable).
     */
    static SignInFacts synthetic() {
        return new SignInFacts() {
            @Override
            public DeviceSignal device(LoginRecord login) {
                return login.presentedDevice() == null ? DeviceSignal.absent()
                        : new DeviceSignal(DeviceCookieStatus.VALID, login.presentedDevice(), false);
            }

            @Override
            public FailureCounts failures(LoginRecord login, FailureWindow window) {
                return FailureCounts.none();
            }

            @Override
            public String locationProblem(LoginRecord login) {
                return "address not found in the GeoIP database";
            }
        };
    }
}
