package io.zerotrust.keycloak.authn.otp;

import io.zerotrust.keycloak.authn.assessment.RiskEventDetails;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdateTotp;

/**
 * Keycloak's "Configure OTP" required action, unchanged, whose page can also say why a factor is set up now: it gives
 * the page the risk notice's attributes ({@link RiskNotice#addTo}), which the {@code zero-trust} theme's
 * {@code login-config-totp.ftl} turns into a sentence (a usual sign-in is the safe moment; an unusual one lists its
 * reasons; without an assessment, the administrator requires it). Other themes ignore them.
 *
 * <p>It takes over Keycloak's own action by having its id ({@code CONFIGURE_TOTP}): of two factories with one id
 * Keycloak uses the one that is not its own. Validation and storage stay Keycloak's;
 * its events also carry the assessment's verdict.
 */
public class ExplainedOtpSetup extends UpdateTotp {

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        explain(context);
        super.requiredActionChallenge(context);
    }

    /**
     * A wrong or missing code renders the page again, from the same request's forms provider. The set-up is the last
     * request of the sign-in, whose events (UPDATE_TOTP, then LOGIN) Keycloak builds from this request's builder, so
     * the verdict is put there too: the LOGIN an admin reads in Events says how risky the sign-in was.
     */
    @Override
    public void processAction(RequiredActionContext context) {
        explain(context);
        RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
        super.processAction(context);
    }

    private static void explain(RequiredActionContext context) {
        RiskNotice.addTo(context.form(), context.getSession(), context.getAuthenticationSession(), context.getUser());
    }
}
