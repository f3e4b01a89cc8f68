package io.zerotrust.keycloak.bench.replay;

import java.util.List;

import io.zerotrust.keycloak.bench.detection.LoginRecord;
import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * A sign-in of a realm's history as the replay judges it again: the {@link LoginRecord} the engine scores, and
 * what the server recorded about it.
 *
 * @param login           what the pack judges; {@link LoginRecord#teaches()} is the recorded {@code zt_risk_verified}
 * @param username        user name, or null
 * @param refused         a LOGIN_ERROR after the user's password was verified ({@code zt_password_verified}): the
 *                        server refused it, other settings might not have
 * @param verdictRecorded whether the event carried {@code zt_risk_verified} at all
 * @param recordedLevel   the level the server gave, or null when none was recorded
 * @param recordedReasons the server's reason codes
 * @param deviceStatus    the device cookie's status, as the recorded reasons tell it ({@code DEVICE_COOKIE_FORGED},
 *                        ...); VALID when the event names a device and no such reason
 * @param trustedDevice   the recorded reasons say the device was trusted ({@code DEVICE_TRUSTED})
 * @param locationProblem why there is no location, for a sign-in without one
 */
public record RecordedSignIn(LoginRecord login, String username, boolean refused, boolean verdictRecorded,
                             RiskLevel recordedLevel, List<String> recordedReasons, DeviceCookieStatus deviceStatus,
                             boolean trustedDevice, String locationProblem) {

    public RecordedSignIn {
        recordedReasons = List.copyOf(recordedReasons);
    }

    /** "alice" or the user id when no name is known. */
    public String userLabel() {
        return username != null ? username : login.userId();
    }
}
