package io.zerotrust.keycloak.authn.report;

import java.util.LinkedHashSet;
import java.util.Set;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Report-only rollout of an enforcing step ({@code zt-deny}, {@code zt-otp-form}, {@code zt-adaptive-mfa}): with
 * the step's {@value #CONFIG} on, it records what it would have done ({@link RiskNotes#EVENT_REPORT_ONLY}, on the
 * request's event and in the user session, so the LOGIN carries it whichever request ends the sign-in) and lets the
 * sign-in go on. Such a sign-in is not verified: the pack did not check what it would have asked for, so it teaches
 * no profile and meets no step-up ({@code StepUpVerdict}).
 */
public final class ReportOnly {

    /** The step's setting: {@code true} records instead of enforcing. */
    public static final String CONFIG = "reportOnly";

    private static final Logger LOG = Logger.getLogger(ReportOnly.class);

    private ReportOnly() {
    }

    /** The setting, for a step's configuration properties. */
    public static ProviderConfigProperty configProperty() {
        ProviderConfigProperty property = new ProviderConfigProperty(CONFIG, "Report only",
                "Do not enforce: record in the sign-in's event what this step would have done (detail "
                        + RiskNotes.EVENT_REPORT_ONLY + ") and let the sign-in go on. Such a sign-in teaches no profile."
                        + " For a rollout: report first, read the events, then enforce.",
                ProviderConfigProperty.BOOLEAN_TYPE, "false");
        return property;
    }

    /** Whether the running step is set to report only. */
    public static boolean on(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return config != null && config.getConfig() != null && "true".equals(config.getConfig().get(CONFIG));
    }

    /** Records that the step would have done {@code action}, and lets the sign-in go on. */
    public static void instead(AuthenticationFlowContext context, String action) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Set<String> actions = new LinkedHashSet<>(RiskNotes.codes(authSession.getAuthNote(RiskNotes.EVENT_REPORT_ONLY)));
        actions.add(action);
        String value = String.join(",", actions);
        authSession.setAuthNote(RiskNotes.EVENT_REPORT_ONLY, value);
        authSession.setUserSessionNote(RiskNotes.EVENT_REPORT_ONLY, value);
        authSession.setUserSessionNote(RiskNotes.EVENT_VERIFIED, Boolean.FALSE.toString());
        context.getEvent().detail(RiskNotes.EVENT_REPORT_ONLY, value).detail(RiskNotes.EVENT_VERIFIED, Boolean.FALSE.toString());
        LOG.debugf("Realm %s: report only, %s not enforced (%s)", context.getRealm().getName(), action,
                context.getExecution() == null ? "-" : context.getExecution().getAuthenticator());
        context.success();
    }

    /** Whether a step of this sign-in reported instead of enforcing. */
    public static boolean reported(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(RiskNotes.EVENT_REPORT_ONLY) != null;
    }
}
