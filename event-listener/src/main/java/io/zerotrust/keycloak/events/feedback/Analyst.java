package io.zerotrust.keycloak.events.feedback;

/**
 * Who calls the findings endpoint, as the bearer token says.
 *
 * @param authenticated a valid token meant for the endpoint (its audience) was presented
 * @param socAnalyst    the token carries the realm role {@value FeedbackService#ROLE} and its user still has it
 * @param userId        the user, or null
 */
public record Analyst(boolean authenticated, boolean socAnalyst, String userId) {

    public static final Analyst ANONYMOUS = new Analyst(false, false, null);
}
