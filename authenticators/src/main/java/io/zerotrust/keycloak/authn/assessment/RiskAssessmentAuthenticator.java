package io.zerotrust.keycloak.authn.assessment;

import java.time.Instant;
import java.util.List;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.risk.context.RiskContextGatherer;
import io.zerotrust.keycloak.risk.device.DeviceCookie;
import io.zerotrust.keycloak.risk.device.RealmDeviceCookies;
import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Runs every enabled risk evaluator once the user is known and records the verdict in the authentication
 * session and the event. It never blocks or fails the login itself: later steps act on the level.
 */
public class RiskAssessmentAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RiskAssessmentAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticatorConfigModel configModel = context.getAuthenticatorConfig();
        RiskPolicy policy = RiskPolicyConfig.read(configModel == null ? null : configModel.getConfig(),
                problem -> LOG.warnf("Realm %s, risk assessment config %s: %s", context.getRealm().getName(),
                        configModel == null ? "-" : configModel.getAlias(), problem));

        List<RiskEvaluatorProvider> evaluators = context.getSession().getKeycloakSessionFactory()
                .getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .map(factory -> (RiskEvaluatorProvider) factory.create(context.getSession()))
                .toList();
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        Instant now = Instant.now();
        DeviceCookie.Verification device = RealmDeviceCookies.read(session, realm, user.getId(), now);
        String deviceId = device.valid() ? device.deviceId() : DeviceCookie.newDeviceId();
        if (!device.valid()) {
            // The device becomes known only once a login from it fully succeeds (see zt-risk-learning)
            RealmDeviceCookies.issue(session, realm, user.getId(), deviceId, now);
        }
        RiskContext riskContext = RiskContextGatherer.gather(session, realm, user, device.toSignal(false), now);
        RiskAssessment assessment = EvaluationRun.assess(evaluators, riskContext, policy);

        String reasons = String.join(",", assessment.reasonCodes());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RiskNotes.SCORE, Integer.toString(assessment.score()));
        authSession.setAuthNote(RiskNotes.LEVEL, assessment.level().name());
        authSession.setAuthNote(RiskNotes.REASONS, reasons);
        authSession.setAuthNote(RiskNotes.DEVICE_ID, deviceId);
        storePlace(authSession, riskContext.location());
        context.getEvent()
                .detail(RiskNotes.EVENT_SCORE, Integer.toString(assessment.score()))
                .detail(RiskNotes.EVENT_LEVEL, assessment.level().name())
                .detail(RiskNotes.EVENT_REASONS, reasons)
                .detail(RiskNotes.EVENT_DEVICE_ID, deviceId);
        LOG.debugf("Realm %s user %s: risk %d %s [%s]", context.getRealm().getName(), context.getUser().getId(),
                assessment.score(), assessment.level(), reasons);
        context.success();
    }

    /**
     * Keeps where the sign-in comes from for location conditions and the risk notice. An unknown value is removed
     * rather than left over, since a flow restarted in the same authentication session may come from elsewhere.
     */
    static void storePlace(AuthenticationSessionModel authSession, GeoLocation location) {
        setOrRemove(authSession, AuthNotes.GEO_COUNTRY, location == null ? null : location.countryCode());
        setOrRemove(authSession, AuthNotes.GEO_CITY, location == null ? null : location.city());
    }

    private static void setOrRemove(AuthenticationSessionModel authSession, String note, String value) {
        if (value == null || value.isBlank()) {
            authSession.removeAuthNote(note);
        } else {
            authSession.setAuthNote(note, value);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
