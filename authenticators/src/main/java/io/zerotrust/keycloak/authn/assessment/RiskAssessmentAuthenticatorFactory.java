package io.zerotrust.keycloak.authn.assessment;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticationFlowCallbackFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares the {@code zt-risk-assessment} flow step and its per-realm policy settings. */
public class RiskAssessmentAuthenticatorFactory extends FlowStepFactory implements AuthenticationFlowCallbackFactory {

    public static final String PROVIDER_ID = "zt-risk-assessment";

    public static final String CONFIG_MEDIUM_AT = "mediumAt";
    public static final String CONFIG_HIGH_AT = "highAt";
    public static final String CONFIG_PRIOR_LOG_ODDS = "priorLogOdds";
    public static final String CONFIG_FALLBACK_LEVEL = "fallbackLevel";
    public static final String CONFIG_ENABLED_EVALUATORS = "enabledEvaluators";
    public static final String CONFIG_WEIGHTS = "weights";
    /** Level of authentication (LoA) a MEDIUM-risk sign-in must reach; empty requires nothing more. */
    public static final String CONFIG_ACR_LEVEL_MEDIUM = "acrLevelMedium";
    /** Level of authentication (LoA) a HIGH-risk sign-in must reach; empty means the MEDIUM one. */
    public static final String CONFIG_ACR_LEVEL_HIGH = "acrLevelHigh";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    /** Ids of the installed evaluators (also other jars'), offered as choices in the step's settings. */
    private volatile List<String> installedEvaluators = List.of();

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        installedEvaluators = factory.getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .map(ProviderFactory::getId).sorted().toList();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: risk assessment";
    }

    @Override
    public String getReferenceCategory() {
        return "zt-risk";
    }

    @Override
    public String getHelpText() {
        return "Scores the sign-in from its context (location, network, device, posture, time, failures, reputation) once the user is known,"
                + " and keeps the score, level and reasons for later conditions and steps. Place it REQUIRED after the step that identifies the user."
                + " For step-up of existing sessions, also place it ALTERNATIVE before Cookie: there it judges the session's user and raises the"
                + " requested level of authentication, then lets Cookie decide (it never completes a flow by itself).";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_MEDIUM_AT).label("MEDIUM from score")
                .helpText("Score (0-100) from which a sign-in is MEDIUM risk.")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RiskPolicy.DEFAULT_MEDIUM_AT).add()
                .property().name(CONFIG_HIGH_AT).label("HIGH from score")
                .helpText("Score (0-100) from which a sign-in is HIGH risk.")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(RiskPolicy.DEFAULT_HIGH_AT).add()
                .property().name(CONFIG_PRIOR_LOG_ODDS).label("Prior log-odds")
                .helpText("Log-odds of risk before any evidence; -3.0 means a sign-in with nothing unusual scores about 5.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Double.toString(RiskPolicy.DEFAULT_PRIOR_LOG_ODDS)).add()
                .property().name(CONFIG_FALLBACK_LEVEL).label("Level when a signal is unavailable")
                .helpText("The lowest level given to a sign-in when an enabled evaluator could not compute its signal (fail secure).")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(), RiskLevel.HIGH.name())
                .defaultValue(RiskPolicy.DEFAULT_FALLBACK.name()).add()
                .property().name(CONFIG_ENABLED_EVALUATORS).label("Enabled evaluators")
                .helpText("Installed evaluators to run. None chosen runs every installed evaluator.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(installedEvaluators).add()
                .property().name(CONFIG_WEIGHTS).label("Evaluator weights")
                .helpText("Multiplier of each evaluator's evidence as id:weight pairs, e.g. geo:1.5 time:0.5. Unlisted evaluators weigh 1."
                        + " Installed evaluators: " + String.join(", ", installedEvaluators) + ".")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(CONFIG_ACR_LEVEL_MEDIUM).label("Level of authentication at MEDIUM")
                .helpText("Level of authentication (as in 'Condition - Level of Authentication') a MEDIUM-risk sign-in must reach, e.g. 2."
                        + " Raises the level the client requested, never lowers it. Empty: no step-up.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CONFIG_ACR_LEVEL_HIGH).label("Level of authentication at HIGH")
                .helpText("Level of authentication a HIGH-risk sign-in must reach, e.g. 3. Empty: the MEDIUM level.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RiskAssessmentAuthenticator(session);
    }

}
