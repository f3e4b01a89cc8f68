package io.zerotrust.keycloak.risk.storage;

import java.util.List;

import io.zerotrust.keycloak.risk.profile.UserRiskProfileEntity;
import io.zerotrust.keycloak.risk.velocity.LoginFailureEntity;

/** The risk model's tables: learned profiles and failed logins. */
public class RiskEntityProviderFactory extends PackEntityProviderFactory {

    public static final String PROVIDER_ID = "zt-risk";
    static final String CHANGELOG = "META-INF/zt-risk-changelog.xml";

    public RiskEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, List.of(UserRiskProfileEntity.class, LoginFailureEntity.class));
    }
}
