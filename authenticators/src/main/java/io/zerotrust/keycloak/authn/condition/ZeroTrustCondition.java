package io.zerotrust.keycloak.authn.condition;

import java.util.regex.Pattern;

import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What the pack's conditions share: they read the step's config and the authentication session's notes, never
 * need a user of their own and render nothing. Subclasses decide the condition before negation; negation is
 * applied here, after any fail-secure assumption, so "negate" always means exactly "the opposite".
 */
abstract class ZeroTrustCondition implements ConditionalAuthenticator {

    /** The config key of the "negate" switch, the same for every condition of the pack. */
    static final String CONFIG_NEGATE = "negate";
    /** Keycloak's separator for multi-valued strings in authenticator config; commas stay inside entries (days). */
    static final Pattern MULTI_VALUE = Pattern.compile("##");

    private final String conditionId;

    ZeroTrustCondition(String conditionId) {
        this.conditionId = conditionId;
    }

    @Override
    public final boolean matchCondition(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        OptionReader config = OptionReader.collecting(conditionId, model == null ? null : model.getConfig());
        ConditionTarget target = new ConditionTarget(context.getRealm().getName(), conditionId,
                context.getExecution() == null ? "-" : context.getExecution().getId());
        boolean negate = config.bool(CONFIG_NEGATE, false);
        boolean holds = holds(context, config, target);
        config.problems().forEach(problem -> ConditionWarnings.badConfig(target, problem));
        return negate != holds;
    }

    /** The condition before negation. */
    abstract boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target);

    static String note(AuthenticationFlowContext context, String name) {
        return context.getAuthenticationSession() == null ? null : context.getAuthenticationSession().getAuthNote(name);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // Conditions render no form, so there is no action to handle
    }

    @Override
    public boolean requiresUser() {
        return false;
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
