package io.zerotrust.keycloak.risk.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.context.RequestHeaders;
import io.zerotrust.keycloak.risk.context.SignInLocation;
import io.zerotrust.keycloak.risk.device.DeviceCookie;
import io.zerotrust.keycloak.risk.device.RealmDeviceCookies;
import io.zerotrust.keycloak.risk.device.UserAgentInfo;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.profile.LoginObservation;
import io.zerotrust.keycloak.risk.profile.ProfileLimits;
import io.zerotrust.keycloak.risk.profile.UserRiskProfileStore;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import io.zerotrust.keycloak.risk.velocity.CredentialFailure;
import io.zerotrust.keycloak.risk.velocity.LoginFailureStore;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Learns from what happened, only once it is certain: a profile from a LOGIN whose assessment ran and whose step-up
 * was met ({@link LoginVerdict}; LOGIN is sent only when the whole flow succeeded), a failure from a LOGIN_ERROR. Both are written
 * after the request's transaction commits, in a transaction of their own, so that a write conflict can never
 * fail the login itself.
 */
public class RiskLearningEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(RiskLearningEventListener.class);

    private final KeycloakSession session;
    private final ProfileLimits limits;
    private final Duration failureRetention;
    private final boolean learnUnassessed;

    RiskLearningEventListener(KeycloakSession session, ProfileLimits limits, Duration failureRetention, boolean learnUnassessed) {
        this.session = session;
        this.limits = limits;
        this.failureRetention = failureRetention;
        this.learnUnassessed = learnUnassessed;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.LOGIN && event.getUserId() != null) {
            learnLogin(event);
        } else if (CredentialFailure.is(String.valueOf(event.getType()), event.getError(), event.getDetails())) {
            recordFailure(event);
        }
    }

    private void learnLogin(Event event) {
        String realmId = event.getRealmId();
        String userId = event.getUserId();
        Map<String, String> details = LoginVerdict.completedDetails(session, event);
        if (!LoginVerdict.teaches(details, learnUnassessed)) {
            // Not assessed, or its step-up was never met: what it shows is the claim of whoever had the password
            LOG.debugf("LOGIN of user %s teaches nothing: %s=%s", userId, RiskNotes.EVENT_VERIFIED, details.get(RiskNotes.EVENT_VERIFIED));
            return;
        }
        String ip = event.getIpAddress();
        Instant time = Instant.ofEpochMilli(event.getTime());
        String deviceId = LearnedDevice.choose(presentedDevice(realmId, userId, time),
                details.get(RiskNotes.EVENT_DEVICE_ID), details.containsKey(Details.GRANT_TYPE));
        UserAgentInfo agent = userAgent();
        // On the request, where the location the assessment found is at hand (no second lookup)
        GeoLocation location = SignInLocation.of(session, ip).location();
        afterCommit("learn the profile of user " + userId, s -> {
            new UserRiskProfileStore(s).learn(realmId, userId,
                    new LoginObservation(time, ip, location, deviceId, agent.browserFamily(), agent.osFamily()), limits);
        });
    }

    /** The device a valid cookie of this user on the request names; null without one (or outside a request). */
    private String presentedDevice(String realmId, String userId, Instant now) {
        try {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null || session.getContext().getHttpRequest() == null) {
                return null;
            }
            DeviceCookie.Verification cookie = RealmDeviceCookies.read(session, realm, userId, now);
            return cookie.valid() ? cookie.deviceId() : null;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not read the device cookie of user %s", userId);
            return null;
        }
    }

    private void recordFailure(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        // an attempt without a name still counts for its address
        String userKey = java.util.Objects.requireNonNullElse(
                CredentialFailure.userKey(event.getUserId(), details.get("username")), "name:");
        String realmId = event.getRealmId();
        String ip = event.getIpAddress();
        Instant time = Instant.ofEpochMilli(event.getTime());
        GeoLocation location = SignInLocation.of(session, ip).location();
        String network = CredentialFailure.network(location == null ? null : location.asn());
        afterCommit("record a failed login", s -> {
            LoginFailureStore store = new LoginFailureStore(s);
            store.record(realmId, userKey, ip, network, time);
            store.purgeOlderThan(time, failureRetention);
        });
    }

    private UserAgentInfo userAgent() {
        Map<String, String> headers = RequestHeaders.firstValues(session.getContext().getRequestHeaders());
        return UserAgentInfo.parse(headers.get("user-agent"), headers);
    }

    private void afterCommit(String what, Consumer<KeycloakSession> job) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                // A second try covers the one race the row lock cannot: two nodes inserting a user's first profile
                for (int attempt = 1; attempt <= 2; attempt++) {
                    try {
                        KeycloakModelUtils.runJobInTransaction(factory, job::accept);
                        return;
                    } catch (RuntimeException e) {
                        if (attempt == 2) {
                            LOG.warnf(e, "Could not %s", what);
                        }
                    }
                }
            }

            @Override
            protected void rollbackImpl() {
                // The request failed: nothing happened that could be learned.
            }
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
