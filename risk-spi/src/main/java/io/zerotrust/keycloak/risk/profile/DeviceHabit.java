package io.zerotrust.keycloak.risk.profile;

/**
 * How often a user's verified sign-ins came from a device the profile already knew: the evidence behind weighing an
 * unknown device by the user's own habit ({@code DeviceEvaluator}). Learned only as the rest of the profile is, from
 * sign-ins the pack verified, so a stranger's failed or unverified attempts cannot move it.
 *
 * <p>Only sign-ins that could have shown a known device count: not a user's first (no device is known yet), and not
 * one that names no device at all (a direct grant without a cookie). The counts forget slowly: once
 * {@value #WINDOW} sign-ins are counted, each new one first scales both counts by {@code (WINDOW - 1) / WINDOW}, so
 * a changed habit shows within some dozens of sign-ins and the profile's size stays fixed.
 *
 * @param signIns     counted sign-ins (recent ones weigh more once {@value #WINDOW} are reached)
 * @param knownDevice of them, those that presented a valid cookie of a device already in the profile
 */
public record DeviceHabit(double signIns, double knownDevice) {

    /** Sign-ins after which older ones start to fade. */
    public static final int WINDOW = 50;

    public DeviceHabit {
        if (!(signIns >= 0) || !(knownDevice >= 0) || knownDevice > signIns) {
            throw new IllegalArgumentException("device habit must have 0 <= knownDevice <= signIns, got "
                    + knownDevice + " of " + signIns);
        }
    }

    /** Nothing counted yet: also what a profile stored before this field reads as. */
    public static DeviceHabit none() {
        return new DeviceHabit(0, 0);
    }

    /** This habit after one more counted sign-in. */
    public DeviceHabit after(boolean known) {
        double fade = signIns >= WINDOW ? (WINDOW - 1) / (double) WINDOW : 1.0;
        double total = signIns * fade;
        double knownCount = knownDevice * fade;
        return new DeviceHabit(total + 1, Math.min(total + 1, knownCount + (known ? 1 : 0)));
    }
}
