package io.zerotrust.keycloak.risk.posture;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Checks the request's posture assertion for the context, before the evaluators run: verifies it against the
 * realm (its issuer is the default audience) and the request's device cookie, then uses it up in the cluster-wide
 * single-use store, so a second use on any node within its replay window is {@code REPLAYED}. Only an assertion
 * that verified and is bound to this browser's device is used up: a stranger replaying someone's assertion for
 * another account or browser cannot spend it.
 */
public final class PostureAssertions {

    private static final Logger LOG = Logger.getLogger(PostureAssertions.class);
    private static final String KEY_PREFIX = "zt-posture:";

    private PostureAssertions() {
    }

    /**
     * @param headers request headers by lower-case name
     * @param device  what the request's device cookie proved for the user signing in
     * @return the verification, or null when assertions are not checked (no key configured) or none was sent
     */
    public static PostureVerification check(KeycloakSession session, RealmModel realm, Map<String, String> headers,
                                            DeviceSignal device, Instant now) {
        var factory = session.getKeycloakSessionFactory().getProviderFactory(RiskEvaluatorProvider.class, PostureEvaluator.ID);
        if (!(factory instanceof PostureEvaluatorFactory postureFactory) || !postureFactory.config(session).checksAssertions()) {
            return null;
        }
        PostureEvaluatorConfig config = postureFactory.config(session);
        String assertion = headers.get(config.header().toLowerCase(Locale.ROOT));
        if (assertion == null || assertion.isBlank()) {
            return null;
        }
        String deviceId = device.cookieStatus() == DeviceCookieStatus.VALID ? device.deviceId() : null;
        PostureVerification verification = config.verifier().verify(assertion, now, issuer(session, realm), deviceId);
        if (verification.outcome() != PostureVerification.Outcome.VALID) {
            return verification;
        }
        long lifespan = config.verifier().replayWindow().toSeconds();
        try {
            if (!session.singleUseObjects().putIfAbsent(KEY_PREFIX + realm.getId() + ":" + verification.replayId(), lifespan)) {
                return verification.downgraded(PostureVerification.Outcome.REPLAYED,
                        "already used within the last " + lifespan + " seconds");
            }
            return verification;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Realm %s: could not check a posture assertion for replay", realm.getName());
            return verification.downgraded(PostureVerification.Outcome.UNCHECKED, "the replay check failed");
        }
    }

    /** The realm's issuer as its tokens name it: {@code <frontend base>/realms/<realm>}. */
    static String issuer(KeycloakSession session, RealmModel realm) {
        URI base = session.getContext().getUri().getBaseUri();
        return Urls.realmIssuer(base, realm.getName());
    }
}
