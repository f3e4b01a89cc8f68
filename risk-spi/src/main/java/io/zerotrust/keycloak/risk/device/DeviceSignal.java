package io.zerotrust.keycloak.risk.device;

import java.util.Objects;

/**
 * The device as the request presents it.
 *
 * @param cookieStatus what the signed device cookie proved
 * @param deviceId     the device id from a {@link DeviceCookieStatus#VALID} cookie, else null
 * @param trusted      the user chose to trust this device and the trust has not expired or been revoked
 */
public record DeviceSignal(DeviceCookieStatus cookieStatus, String deviceId, boolean trusted) {

    public DeviceSignal {
        Objects.requireNonNull(cookieStatus, "cookieStatus");
    }

    public static DeviceSignal absent() {
        return new DeviceSignal(DeviceCookieStatus.ABSENT, null, false);
    }
}
