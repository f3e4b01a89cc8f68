package io.zerotrust.keycloak.risk.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * Judges the device: whether its signed cookie proves a device this user signed in with (or trusts) before, and
 * whether browser or OS family changed since the last successful login.
 *
 * <p>Cold start: a user with no login history ({@link UserRiskProfile#isNew()}) has no known devices, so an
 * unrecognised device gets the mild {@link DeviceEvaluatorConfig#coldStart()} instead of
 * {@link DeviceEvaluatorConfig#unknown()}, and there is no last login to compare browser or OS with. Cookie
 * tampering is judged the same for every user.
 *
 * <p>Browser and OS changes count only for an unrecognised device: the profile keeps the last login of the user on
 * any device, so for a recognised one a different browser just means the user switched devices.
 */
public final class DeviceEvaluator implements RiskEvaluator {

    public static final String ID = "device";

    public static final String DEVICE_UNKNOWN = "DEVICE_UNKNOWN";
    public static final String DEVICE_KNOWN = "DEVICE_KNOWN";
    public static final String DEVICE_TRUSTED = "DEVICE_TRUSTED";
    public static final String DEVICE_COOKIE_FORGED = "DEVICE_COOKIE_FORGED";
    public static final String DEVICE_COOKIE_OTHER_USER = "DEVICE_COOKIE_OTHER_USER";
    public static final String DEVICE_COOKIE_EXPIRED = "DEVICE_COOKIE_EXPIRED";
    public static final String DEVICE_BROWSER_CHANGED = "DEVICE_BROWSER_CHANGED";
    public static final String DEVICE_OS_CHANGED = "DEVICE_OS_CHANGED";

    private final DeviceEvaluatorConfig config;

    public DeviceEvaluator(DeviceEvaluatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        if (context.profileProblem() != null) {
            // Without the profile a known device looks unknown: say so, and let the fallback level apply
            return EvaluatorResult.unavailable(ID, context.profileProblem());
        }
        DeviceSignal device = context.device();
        UserRiskProfile profile = context.profile();
        List<RiskReason> reasons = new ArrayList<>();
        boolean recognised = false;
        switch (device.cookieStatus()) {
            case FORGED -> reasons.add(RiskReason.of(ID, DEVICE_COOKIE_FORGED, config.forged(),
                    "The device cookie was altered or not issued by this realm."));
            case OTHER_USER -> reasons.add(RiskReason.of(ID, DEVICE_COOKIE_OTHER_USER, config.otherUser(),
                    "The browser holds the device cookie of another user."));
            case EXPIRED -> reasons.add(RiskReason.of(ID, DEVICE_COOKIE_EXPIRED, config.expired(),
                    "The device cookie has expired."));
            case ABSENT -> reasons.add(unknown(profile, "The browser has no device cookie.", null));
            // A key rotated out of the realm is the admin's doing, not the browser's: an unknown device, no forgery
            case KEY_UNKNOWN -> reasons.add(unknown(profile,
                    "The device cookie was signed with a key the realm no longer has.", "key-unknown"));
            case VALID -> {
                if (device.trusted()) {
                    recognised = true;
                    reasons.add(new RiskReason(ID, DEVICE_TRUSTED, config.trusted(), "The user trusts this device.",
                            Map.of("deviceId", device.deviceId())));
                } else if (device.deviceId() != null && profile.devices().containsKey(device.deviceId())) {
                    recognised = true;
                    reasons.add(new RiskReason(ID, DEVICE_KNOWN, config.known(),
                            "The device was used in an earlier successful sign-in.", Map.of("deviceId", device.deviceId())));
                } else {
                    reasons.add(unknown(profile, "The device has not completed a sign-in before.", null));
                }
            }
        }
        if (!recognised) {
            addFamilyChanges(context, profile, reasons);
        }
        return EvaluatorResult.of(ID, reasons);
    }

    /** {@code cookie}: why a cookie the browser sent proved nothing (attribute {@code cookie}), or null. */
    private RiskReason unknown(UserRiskProfile profile, String why, String cookie) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("coldStart", Boolean.toString(profile.isNew()));
        if (cookie != null) {
            attributes.put("cookie", cookie);
        }
        if (profile.isNew()) {
            return new RiskReason(ID, DEVICE_UNKNOWN, config.coldStart(), why + " The user has no sign-in history yet.", attributes);
        }
        return new RiskReason(ID, DEVICE_UNKNOWN, config.unknown(), why, attributes);
    }

    private void addFamilyChanges(RiskContext context, UserRiskProfile profile, List<RiskReason> reasons) {
        UserRiskProfile.LastLogin last = profile.last();
        if (last == null) {
            return;
        }
        UserAgentInfo now = UserAgentInfo.parse(context.userAgent(), context.headers());
        if (changed(last.browserFamily(), now.browserFamily())) {
            reasons.add(new RiskReason(ID, DEVICE_BROWSER_CHANGED, config.browserChanged(),
                    "The browser is " + now.browserFamily() + "; the last sign-in used " + last.browserFamily() + ".",
                    Map.of("browser", now.browserFamily(), "previousBrowser", last.browserFamily())));
        }
        if (changed(last.osFamily(), now.osFamily())) {
            reasons.add(new RiskReason(ID, DEVICE_OS_CHANGED, config.osChanged(),
                    "The operating system is " + now.osFamily() + "; the last sign-in used " + last.osFamily() + ".",
                    Map.of("os", now.osFamily(), "previousOs", last.osFamily())));
        }
    }

    /** Only two known families can differ: a missing or unparseable User-Agent is no evidence of change. */
    private static boolean changed(String before, String now) {
        return before != null && !before.isBlank() && now != null && !before.equalsIgnoreCase(now);
    }
}
