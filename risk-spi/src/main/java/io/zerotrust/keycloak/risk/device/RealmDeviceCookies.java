package io.zerotrust.keycloak.risk.device;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.logging.Logger;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The device cookie in a realm: signed with the realm's own HMAC keys (so it rotates with them, and a cookie
 * made for one realm means nothing in another), read from the request, and issued on the response.
 */
public final class RealmDeviceCookies {

    /** How long a device stays recognisable without signing in again. */
    public static final Duration LIFETIME = Duration.ofDays(365);

    private static final Logger LOG = Logger.getLogger(RealmDeviceCookies.class);
    /** Keycloak-session (that is, per-request) attribute: the cookies already checked in this request. */
    private static final String READ_ATTRIBUTE = "zt.device-cookie.checked";

    /** What one check was about: the request's cookie value, for this user of this realm. */
    private record Checked(String realmId, String userId, String value) {
    }

    private RealmDeviceCookies() {
    }

    /**
     * What the request's device cookie proves for {@code userId}. A cookie made with any of the realm's HMAC keys,
     * active or passive, counts; one naming a key the realm no longer has (deleted, disabled) is
     * {@link DeviceCookieStatus#KEY_UNKNOWN}, an unknown device, so that a key rotation does not turn every device
     * into a forgery. A genuine cookie
     * of an account that no longer exists counts as no cookie: it points at nobody who could share the device (the
     * account was removed, e.g. re-provisioned, or was the half-made account of a refused first federated sign-in).
     */
    public static DeviceCookie.Verification read(KeycloakSession session, RealmModel realm, String userId, Instant now) {
        Cookie cookie = session.getContext().getHttpRequest().getHttpHeaders().getCookies().get(DeviceCookie.NAME);
        String value = cookie == null ? null : cookie.getValue();
        // The assessment and the learning of one request ask about the same cookie: its signature is checked once
        @SuppressWarnings("unchecked")
        Map<Checked, DeviceCookie.Verification> checked = session.getAttribute(READ_ATTRIBUTE, Map.class);
        if (checked == null) {
            checked = new HashMap<>();
            session.setAttribute(READ_ATTRIBUTE, checked);
        }
        return checked.computeIfAbsent(new Checked(realm.getId(), userId, value),
                key -> verify(session, realm, userId, value, now));
    }

    private static DeviceCookie.Verification verify(KeycloakSession session, RealmModel realm, String userId, String value, Instant now) {
        Map<String, byte[]> keys = keys(session, realm);
        if (keys.isEmpty()) {
            LOG.warnf("Realm %s has no HS512 key: device cookies cannot be checked", realm.getName());
            return DeviceCookie.Verification.absent();
        }
        DeviceCookie.Verification result = DeviceCookie.verify(value, userId, now, keys);
        if (result.status() == DeviceCookieStatus.OTHER_USER && ownerIsGone(session, realm, value, keys)) {
            return DeviceCookie.Verification.absent();
        }
        return result;
    }

    private static boolean ownerIsGone(KeycloakSession session, RealmModel realm, String value, Map<String, byte[]> keys) {
        String owner = DeviceCookie.owner(value, keys);
        return owner != null && session.users().getUserById(realm, owner) == null;
    }

    /** Sets a new device cookie for this user and device on the response; does nothing if the realm has no key. */
    public static void issue(KeycloakSession session, RealmModel realm, String userId, String deviceId, Instant now) {
        KeyWrapper active = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (active == null || active.getSecretKey() == null || active.getKid() == null) {
            return;
        }
        String value = DeviceCookie.issue(userId, deviceId, now, now.plus(LIFETIME), active.getKid(), active.getSecretKey().getEncoded());
        boolean secure = "https".equalsIgnoreCase(session.getContext().getUri().getBaseUri().getScheme());
        NewCookie cookie = new NewCookie.Builder(DeviceCookie.NAME)
                .value(value)
                .path(session.getContext().getUri().getBaseUri().getPath().replaceAll("/$", "") + "/realms/" + realm.getName() + "/")
                .maxAge((int) LIFETIME.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }

    /** The realm's usable HS512 keys by kid, active ones first (legacy cookies try them in this order). */
    private static Map<String, byte[]> keys(KeycloakSession session, RealmModel realm) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(k -> k.getStatus() != KeyStatus.DISABLED && k.getSecretKey() != null && k.getKid() != null)
                .filter(k -> k.getSecretKey().getEncoded().length >= DeviceCookie.MIN_KEY_BYTES)
                .sorted((a, b) -> Boolean.compare(b.getStatus() == KeyStatus.ACTIVE, a.getStatus() == KeyStatus.ACTIVE))
                .forEach(k -> keys.putIfAbsent(k.getKid(), k.getSecretKey().getEncoded()));
        return keys;
    }
}
