package io.zerotrust.keycloak.authn.trust;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/**
 * A user's trusted devices among their credentials: whether the current device is one, and adding one. Expired
 * trust is removed when it is met, so it neither counts nor lingers in the account console.
 */
public final class TrustedDevices {

    private TrustedDevices() {
    }

    /** Whether the user trusts this device now; removes the user's expired or unreadable trusted devices. */
    public static boolean isTrusted(UserModel user, String deviceId, Instant now) {
        if (deviceId == null) {
            return false;
        }
        boolean trusted = false;
        for (Stored entry : stored(user)) {
            TrustedDeviceCredential device = entry.device();
            if (device == null || device.expiredAt(now)) {
                user.credentialManager().removeStoredCredentialById(entry.model().getId());
            } else if (device.isFor(deviceId)) {
                trusted = true;
            }
        }
        return trusted;
    }

    /**
     * Trusts the device until {@code expiresAt}, replacing an earlier trust of the same device and dropping the
     * oldest ones beyond {@code maxDevices}.
     */
    public static CredentialModel trust(UserModel user, String deviceId, Instant now, Instant expiresAt, String label, int maxDevices) {
        List<Stored> existing = stored(user);
        existing.stream()
                .filter(e -> e.device() == null || e.device().isFor(deviceId) || e.device().expiredAt(now))
                .forEach(e -> user.credentialManager().removeStoredCredentialById(e.model().getId()));
        List<CredentialModel> kept = existing.stream()
                .filter(e -> e.device() != null && !e.device().isFor(deviceId) && !e.device().expiredAt(now))
                .map(Stored::model)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (int i = 0; i <= kept.size() - Math.max(1, maxDevices); i++) {
            user.credentialManager().removeStoredCredentialById(kept.get(i).getId());
        }
        return user.credentialManager().createStoredCredential(TrustedDeviceCredential.of(deviceId, now, expiresAt).toModel(label));
    }

    private static List<Stored> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TrustedDeviceCredential.TYPE)
                .map(model -> new Stored(model, TrustedDeviceCredential.from(model)))
                .toList();
    }

    /** A stored credential and what it says; {@code device} is null when its data is unreadable. */
    private record Stored(CredentialModel model, TrustedDeviceCredential device) {
    }
}
