package io.zerotrust.keycloak.events.feedback;

import java.util.Map;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import org.keycloak.models.KeycloakSession;

/**
 * Learns from an analyst's "false positive": the finding's sign-in was the user after all, so what made it look
 * unusual (its country, network, device) should count as the user's own from now on. Called in a transaction,
 * after the verdict is recorded; must not throw for a user or realm that is gone.
 *
 * <p>The endpoint uses {@link ProfileFalsePositiveLearner}; {@link #NO_OP} only lifts the step-up mark.
 */
public interface FalsePositiveLearner {

    FalsePositiveLearner NO_OP = (session, finding) -> Map.of();

    /** @return what the profile was taught (e.g. {@code country}, {@code network}), empty when nothing */
    Map<String, String> learn(KeycloakSession session, AnomalyFinding finding);

}
