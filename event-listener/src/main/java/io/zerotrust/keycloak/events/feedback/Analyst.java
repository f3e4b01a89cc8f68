package io.zerotrust.keycloak.events.feedback;

/**
 * Who calls the findings endpoint, as the bearer token says.
 *
 * @param authenticated a valid token was presented
 * @param socAnalyst    its user has the realm role {@value FeedbackService#ROLE}
 * @param userId        the user, or null
 */
public record Analyst(boolean authenticated, boolean socAnalyst, String userId) {

    public static final Analyst ANONYMOUS = new Analyst(false, false, null);
}
