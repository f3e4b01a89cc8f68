package io.zerotrust.keycloak.authn.mfa;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Objects;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.FlowStep;
import io.zerotrust.keycloak.authn.assessment.RiskEventDetails;
import io.zerotrust.keycloak.authn.condition.RiskLevelRule;
import io.zerotrust.keycloak.authn.deny.ZeroTrustDenyAuthenticatorFactory;
import io.zerotrust.keycloak.authn.factor.EnrolmentLimit;
import io.zerotrust.keycloak.authn.flow.NonInteractiveFlow;
import io.zerotrust.keycloak.authn.otp.RiskNoticeOtpFormAuthenticatorFactory;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import io.zerotrust.keycloak.risk.anomaly.AnomalyMarkEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.authentication.authenticators.browser.WebAuthnAuthenticatorFactory;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.UserModel;

/**
 * Asks for the second factor the risk calls for ({@link FactorPolicy}). It does not verify factors itself: it
 * hands the request to the pack's OTP form (which explains the risk) or to Keycloak's WebAuthn step, and keeps
 * which one in the authentication session so the answer goes to the same step.
 */
public class AdaptiveMfaAuthenticator implements FlowStep {

    /** Which factor was asked for, so the answer goes to the same step (proof of a verified one: VerifiedFactor). */
    public static final String NOTE_FACTOR = "zt.mfa.factor";

    private static final Logger LOG = Logger.getLogger(AdaptiveMfaAuthenticator.class);
    private static final Map<Factor, String> STEPS = Map.of(
            Factor.OTP, RiskNoticeOtpFormAuthenticatorFactory.PROVIDER_ID,
            Factor.WEBAUTHN, WebAuthnAuthenticatorFactory.PROVIDER_ID);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String levelNote = context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL);
        RiskLevel risk = RiskLevelRule.assessedLevel(levelNote);
        if (levelNote == null) {
            LOG.warnf("Realm %s: zt-adaptive-mfa runs without zt-risk-assessment before it; treating the risk as %s",
                    context.getRealm().getName(), risk);
        }
        List<Factor> available = context.getUser().credentialManager().getStoredCredentialsStream()
                .map(c -> Factor.ofCredentialType(c.getType()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        FactorDecision decision = policy(context).decide(risk, available, marked(context));
        boolean needsPage = decision.action() == FactorDecision.Action.CHALLENGE || decision.action() == FactorDecision.Action.ENROL;
        if (needsPage && NonInteractiveFlow.cannotShowForms(context)) {
            // Direct grant: no page to ask or enrol on; zt-deny answers its own refusals there
            context.getEvent().detail(RiskNotes.EVENT_FACTOR, decision.factor().credentialType());
            NonInteractiveFlow.requireInteraction(context, NonInteractiveFlow.SECOND_FACTOR_REQUIRED);
            return;
        }
        if (decision.action() != FactorDecision.Action.PASS && ReportOnly.on(context)) {
            ReportOnly.instead(context, switch (decision.action()) {
                case DENY -> "deny";
                case ENROL -> "enrol-otp";
                default -> decision.factor().credentialType();
            });
            return;
        }
        switch (decision.action()) {
            case PASS -> {
                context.getEvent().detail(RiskNotes.EVENT_FACTOR, "none");
                context.success();
            }
            case DENY -> {
                context.getEvent().detail(RiskNotes.EVENT_FACTOR, "deny");
                if (available.isEmpty()) {
                    context.getAuthenticationSession().setAuthNote(AuthNotes.REFUSED_FOR_WANT_OF_FACTOR, "true");
                }
                step(context, ZeroTrustDenyAuthenticatorFactory.PROVIDER_ID).authenticate(context);
            }
            case ENROL -> {
                // Keycloak's own set-up page runs before the sign-in completes; it proves the new factor works
                context.getEvent().detail(RiskNotes.EVENT_FACTOR, "enrol-otp");
                context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
                context.success();
            }
            case CHALLENGE -> {
                context.getAuthenticationSession().setAuthNote(NOTE_FACTOR, decision.factor().name());
                context.getEvent().detail(RiskNotes.EVENT_FACTOR, decision.factor().credentialType());
                step(context, STEPS.get(decision.factor())).authenticate(context);
            }
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String chosen = context.getAuthenticationSession().getAuthNote(NOTE_FACTOR);
        Factor factor = chosen == null ? null : Factor.valueOf(chosen);
        if (factor == null) {
            // An answer to a challenge this session never got: start over rather than trust it
            authenticate(context);
            return;
        }
        context.getEvent().detail(RiskNotes.EVENT_FACTOR, factor.credentialType());
        // A wrong answer's LOGIN_ERROR says how risky the sign-in was, whichever factor was asked
        RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
        step(context, STEPS.get(factor)).action(context);
    }

    /** The assessment found the user's step-up mark (anomaly-mark evaluator) active. */
    private static boolean marked(AuthenticationFlowContext context) {
        return RiskNotes.codes(context.getAuthenticationSession().getAuthNote(RiskNotes.REASONS)).contains(AnomalyMarkEvaluator.CODE);
    }

    private static Authenticator step(AuthenticationFlowContext context, String providerId) {
        return context.getSession().getProvider(Authenticator.class, providerId);
    }

    private static FactorPolicy policy(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        Consumer<String> problems = problem -> LOG.warnf(
                "Realm %s, %s: %s", context.getRealm().getName(), AdaptiveMfaAuthenticatorFactory.PROVIDER_ID, problem);
        RiskLevel enrolUpTo = EnrolmentLimit.read(config, problems).upTo();
        OptionReader options = OptionReader.collecting(AdaptiveMfaAuthenticatorFactory.PROVIDER_ID, config);
        FactorPolicy policy = new FactorPolicy(options.bool(AdaptiveMfaAuthenticatorFactory.CONFIG_DENY_AT_HIGH, false),
                options.bool(AdaptiveMfaAuthenticatorFactory.CONFIG_PHISHING_RESISTANT_AT_HIGH, false), enrolUpTo);
        options.problems().forEach(problems);
        return policy;
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
