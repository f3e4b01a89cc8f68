package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-condition-risk-level}: run a sub-flow by the assessed risk level. */
public class RiskLevelConditionFactory extends ZeroTrustConditionFactory {

    public static final String PROVIDER_ID = "zt-condition-risk-level";

    public static final String CONFIG_LEVEL = "level";
    public static final String CONFIG_COMPARISON = "comparison";
    public static final String CONFIG_NEGATE = ZeroTrustCondition.CONFIG_NEGATE;

    public RiskLevelConditionFactory() {
        super(PROVIDER_ID, "Condition - Zero Trust risk level",
                "True when the risk level assessed by 'Zero Trust: risk assessment' is at least (or at most) the chosen level."
                        + " Without an assessment earlier in the flow the level counts as HIGH.",
                RiskLevelCondition.SINGLETON);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_LEVEL).label("Risk level")
                .helpText("The level the sign-in's assessed level is compared with.")
                .type(ProviderConfigProperty.LIST_TYPE).options(RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(), RiskLevel.HIGH.name())
                .defaultValue(RiskLevelRule.DEFAULT_THRESHOLD.name()).add()
                .property().name(CONFIG_COMPARISON).label("Comparison")
                .helpText("at-least: true when the assessed level is this level or riskier (e.g. at-least MEDIUM is MEDIUM or HIGH)."
                        + " at-most: true when it is this level or less risky.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(RiskLevelRule.Comparison.AT_LEAST.key(), RiskLevelRule.Comparison.AT_MOST.key())
                .defaultValue(RiskLevelRule.DEFAULT_COMPARISON.key()).add()
                .property(negateProperty())
                .build();
    }
}
