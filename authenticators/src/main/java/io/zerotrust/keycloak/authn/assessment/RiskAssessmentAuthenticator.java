package io.zerotrust.keycloak.authn.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.FlowStep;
import io.zerotrust.keycloak.authn.factor.VerifiedFactor;
import io.zerotrust.keycloak.authn.trust.TrustedDevices;
import io.zerotrust.keycloak.risk.anomaly.AnomalyMarkEvaluator;
import io.zerotrust.keycloak.risk.anomaly.StepUpMark;
import io.zerotrust.keycloak.risk.context.RiskContextGatherer;
import io.zerotrust.keycloak.risk.device.DeviceCookie;
import io.zerotrust.keycloak.risk.device.RealmDeviceCookies;
import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import io.zerotrust.keycloak.risk.tuning.RealmTuning;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowCallback;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Runs every enabled risk evaluator once the user is known and records the verdict in the authentication
 * session and the event, raising the requested level of authentication when configured to. It never blocks or
 * fails the login itself: later steps act on the level.
 */
public class RiskAssessmentAuthenticator implements AuthenticationFlowCallback, FlowStep {

    private static final Logger LOG = Logger.getLogger(RiskAssessmentAuthenticator.class);
    /** The level of authentication the risk requires, when the step maps its level to one. */
    static final String NOTE_ACR_LEVEL = "zt.acr.level";
    /** Keycloak-session (that is, per-request) attribute: the user this request already assessed. */
    private static final String ASSESSED_USER_ATTRIBUTE = "zt.risk.assessed-user";

    private final KeycloakSession session;

    RiskAssessmentAuthenticator(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // ALTERNATIVE before Cookie: judge the SSO session's user, then let the next alternative (Cookie) decide
        boolean beforeCookie = context.getExecution().isAlternative();
        UserModel user = context.getUser();
        if (user == null) {
            AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
            user = sso == null ? null : sso.user();
        }
        if (user != null) {
            // Before Cookie and again in the forms, one request may reach the step twice for the same user: the
            // verdict, its notes and event details from the first run stand (a second would also issue a second
            // device cookie to a browser that has none)
            if (!user.getId().equals(context.getSession().getAttribute(ASSESSED_USER_ATTRIBUTE))) {
                assess(context, user);
                context.getSession().setAttribute(ASSESSED_USER_ATTRIBUTE, user.getId());
            }
        } else if (!beforeCookie) {
            LOG.warnf("Realm %s: zt-risk-assessment ran before the user was known; place it after the step that identifies the user",
                    context.getRealm().getName());
        }
        if (beforeCookie) {
            context.attempted();
        } else {
            context.success();
        }
    }

    private void assess(AuthenticationFlowContext context, UserModel user) {
        AuthenticatorConfigModel configModel = context.getAuthenticatorConfig();
        Map<String, String> config = configModel == null ? null : configModel.getConfig();
        Consumer<String> problems = problem -> LOG.warnf("Realm %s, risk assessment config %s: %s", context.getRealm().getName(),
                configModel == null ? "-" : configModel.getAlias(), problem);
        RiskPolicy policy = RiskPolicyConfig.read(config, problems);

        // The realm's Zero Trust page may switch evaluators off, whatever the step enables
        Set<String> disabled = RealmTuning.disabledEvaluators(context.getRealm());
        List<RiskEvaluatorProvider> evaluators = context.getSession().getKeycloakSessionFactory()
                .getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .filter(factory -> !disabled.contains(factory.getId()))
                .map(factory -> (RiskEvaluatorProvider) factory.create(context.getSession()))
                .toList();
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Instant now = Instant.now();
        DeviceCookie.Verification device = RealmDeviceCookies.read(session, realm, user.getId(), now);
        String deviceId = device.valid() ? device.deviceId() : DeviceCookie.newDeviceId();
        if (!device.valid()) {
            // The device becomes known only once a login from it fully succeeds (see zt-risk-learning)
            RealmDeviceCookies.issue(session, realm, user.getId(), deviceId, now);
        }
        boolean trusted = device.valid() && TrustedDevices.isTrusted(user, deviceId, now);
        RiskContext riskContext = RiskContextGatherer.gather(session, realm, user, device.toSignal(trusted), now);
        RiskAssessment assessment = EvaluationRun.assess(evaluators, riskContext, policy);

        String reasons = String.join(",", assessment.reasonCodes());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RiskNotes.SCORE, Integer.toString(assessment.score()));
        authSession.setAuthNote(RiskNotes.LEVEL, assessment.level().name());
        authSession.setAuthNote(RiskNotes.REASONS, reasons);
        authSession.setAuthNote(RiskNotes.DEVICE_ID, deviceId);
        storePlace(authSession, riskContext.location());
        // Copied into the user session at sign-in: for a LOGIN event sent after required actions (which carries no
        // details of the flow) and for the "User Session Note" token mapper; never the device id, a bearer secret
        authSession.setUserSessionNote(RiskNotes.EVENT_SCORE, Integer.toString(assessment.score()));
        authSession.setUserSessionNote(RiskNotes.EVENT_LEVEL, assessment.level().name());
        authSession.setUserSessionNote(RiskNotes.EVENT_REASONS, reasons);
        requireLevel(context, StepUpLevels.read(config, problems), assessment.level());
        RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
        // The verdict stands once met (LOW, or a factor verified before this step); otherwise later steps may meet it,
        // and the callbacks below record it again when the flow around the step, and the whole flow, succeed
        if (StepUpVerdict.record(session, authSession, null)) {
            context.getEvent().detail(RiskNotes.EVENT_VERIFIED, Boolean.TRUE.toString());
        }
        AuthenticatorUtil.setAuthCallbacksFactoryIds(authSession, RiskAssessmentAuthenticatorFactory.PROVIDER_ID);
        LOG.debugf("Realm %s user %s: risk %d %s [%s]", realm.getName(), user.getId(), assessment.score(), assessment.level(), reasons);
    }

    /**
     * Raises the level of authentication the request asks for, where Keycloak's own step-up reads it: the
     * authorization endpoint keeps the client's acr_values / claims request in the same note. Keycloak's LoA
     * conditions then ask for what is missing, Cookie re-prompts an SSO session below it, and the token's acr
     * claim says what was reached.
     */
    private static void requireLevel(AuthenticationFlowContext context, StepUpLevels levels, RiskLevel risk) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String note = authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
        int requested;
        try {
            requested = note == null ? Constants.NO_LOA : Integer.parseInt(note);
        } catch (NumberFormatException e) {
            requested = Constants.NO_LOA;
        }
        int required = levels.raise(requested, risk);
        if (required > requested) {
            authSession.setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, Integer.toString(required));
        }
        OptionalInt byRisk = levels.required(risk);
        if (byRisk.isPresent()) {
            authSession.setAuthNote(NOTE_ACR_LEVEL, Integer.toString(byRisk.getAsInt()));
        } else {
            authSession.removeAuthNote(NOTE_ACR_LEVEL);
        }
    }

    /**
     * A sign-in that needs more steps ends in a later request, whose event the assessment's request never sees:
     * Keycloak calls this in the request that completes the steps around the assessment, so its verdict reaches
     * the LOGIN event (and the listeners that learn from it) whichever step came last.
     */
    @Override
    public void onParentFlowSuccess(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL) != null) {
            RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
            settle(context.getSession(), context.getAuthenticationSession(), context.getEvent());
        }
    }

    /**
     * The last word on the verdict, once every step of the flow succeeded (also where the step sits in the top-level
     * flow, whose success calls no {@link #onParentFlowSuccess}): into the user session only, since no event is at
     * hand here. The LOGIN event's detail, when present, was recorded in the same request or later.
     */
    @Override
    public void onTopFlowSuccess(AuthenticationFlowModel topFlow) {
        AuthenticationSessionModel authSession = session == null ? null : session.getContext().getAuthenticationSession();
        if (authSession != null && authSession.getAuthNote(RiskNotes.LEVEL) != null) {
            settle(session, authSession, null);
        }
    }

    /**
     * Records the verdict and, when a verified second factor met the step-up of a sign-in a finding's mark raised,
     * lifts the mark: the user proved it is them. Nothing less lifts it (a marked sign-in is never LOW, and a password
     * or a level reached some other way is not what the finding doubted).
     */
    private static void settle(KeycloakSession session, AuthenticationSessionModel authSession, EventBuilder event) {
        boolean met = StepUpVerdict.record(session, authSession, event);
        UserModel user = authSession.getAuthenticatedUser();
        String reasons = authSession.getAuthNote(RiskNotes.REASONS);
        if (met && user != null && RiskNotes.codes(reasons).contains(AnomalyMarkEvaluator.CODE)
                && VerifiedFactor.inThisSignIn(authSession) && user.getFirstAttribute(StepUpMark.ATTRIBUTE) != null) {
            user.removeAttribute(StepUpMark.ATTRIBUTE);
            LOG.debugf("Realm %s user %s: step-up mark lifted after a verified second factor", session.getContext().getRealm() == null
                    ? "-" : session.getContext().getRealm().getName(), user.getId());
        }
    }

    /**
     * Keeps where the sign-in comes from for location conditions and the risk notice. An unknown value is removed
     * rather than left over, since a flow restarted in the same authentication session may come from elsewhere.
     */
    static void storePlace(AuthenticationSessionModel authSession, GeoLocation location) {
        setOrRemove(authSession, AuthNotes.GEO_COUNTRY, location == null ? null : location.countryCode());
        setOrRemove(authSession, AuthNotes.GEO_CITY, location == null ? null : location.city());
        setOrRemove(authSession, RiskNotes.EVENT_GEO_HOSTING,
                location == null || location.hostingSource() == null ? null : location.hostingSource().label());
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
        // It finds the user itself before Cookie (from the SSO session); after the password it is the flow's user
        return false;
    }
}
