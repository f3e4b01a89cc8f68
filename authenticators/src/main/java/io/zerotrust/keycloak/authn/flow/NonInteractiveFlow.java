package io.zerotrust.keycloak.authn.flow;

import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * A flow that cannot show a page: Keycloak's direct grant (resource-owner password grant), which runs its flow
 * inside one POST to the token endpoint and answers with JSON. A step that would render a form asks
 * {@link #cannotShowForms} first and, there, ends the flow with one of the OAuth errors built here instead.
 *
 * <p>Detection: the token endpoint runs the direct-grant flow with the flow path {@value #TOKEN_FLOW_PATH}
 * ({@code ResourceOwnerPasswordCredentialsGrantType}), the only flow path Keycloak gives a flow that answers JSON;
 * every flow that renders pages runs under one of Keycloak's login-action paths ({@code authenticate},
 * {@code registration}, {@code reset-credentials}, {@code first-broker-login}, {@code post-broker-login}). A flow
 * run under any other path (an extension running a flow its own way) counts as form-less when it is the direct-grant
 * flow of the client (its override) or of the realm.
 *
 * <p>Errors (RFC 6749 section 5.2: status 400, JSON body with {@code error} and {@code error_description}, no
 * caching): {@value #ACCESS_DENIED} for a refusal, as the device grant (RFC 8628 section 3.5) and CIBA answer a
 * refusal at the token endpoint; {@value #INTERACTION_REQUIRED} (OpenID Connect Core 3.1.2.6) when the user would
 * have to act on a page, telling the client to use the browser flow instead.
 */
public final class NonInteractiveFlow {

    /** Flow path of the direct-grant flow at the token endpoint. */
    public static final String TOKEN_FLOW_PATH = "token";
    /** OAuth error of a refused sign-in. */
    public static final String ACCESS_DENIED = "access_denied";
    /** OAuth error (and event error) of a sign-in that needs a page this flow cannot show. */
    public static final String INTERACTION_REQUIRED = "interaction_required";
    /** Description of {@value #INTERACTION_REQUIRED} when a second factor is needed. */
    public static final String SECOND_FACTOR_REQUIRED = "A second factor is required for this sign-in and cannot be"
            + " entered in a direct grant. Sign in through the browser (authorization code flow).";

    /** Keycloak's login-action paths, under which flows render pages (LoginActionsService). */
    static final Set<String> FORM_FLOW_PATHS = Set.of("authenticate", "registration", "reset-credentials",
            "first-broker-login", "post-broker-login");

    private static final Logger LOG = Logger.getLogger(NonInteractiveFlow.class);

    private NonInteractiveFlow() {
    }

    /** True when this flow answers with JSON at the token endpoint, so a step must not render a page. */
    public static boolean cannotShowForms(AuthenticationFlowContext context) {
        return cannotShowForms(context.getFlowPath(), () -> isDirectGrantFlow(context));
    }

    /**
     * The decision on its own: the flow path decides when it is Keycloak's; otherwise whether the running flow is
     * the direct-grant flow, asked only then.
     */
    static boolean cannotShowForms(String flowPath, BooleanSupplier runsDirectGrantFlow) {
        if (TOKEN_FLOW_PATH.equals(flowPath)) {
            return true;
        }
        if (flowPath != null && FORM_FLOW_PATHS.contains(flowPath)) {
            return false;
        }
        return runsDirectGrantFlow.getAsBoolean();
    }

    private static boolean isDirectGrantFlow(AuthenticationFlowContext context) {
        try {
            AuthenticationFlowModel running = context.getTopLevelFlow();
            AuthenticationFlowModel directGrant = AuthenticationFlowResolver.resolveDirectGrantFlow(context.getAuthenticationSession());
            return running != null && directGrant != null && running.getId().equals(directGrant.getId());
        } catch (RuntimeException e) {
            // e.g. a client that requests a flow that does not exist: not ours to report, and forms are the default
            LOG.debugf(e, "Could not resolve the direct-grant flow for flow path %s", context.getFlowPath());
            return false;
        }
    }

    /**
     * Ends the flow because the user would have to act on a page: records the error event (with whatever the earlier
     * steps put on it, such as the risk assessment's verdict) and answers {@value #INTERACTION_REQUIRED}. Not a
     * failed credential, so it counts for neither brute-force protection nor the failure-velocity signal.
     *
     * @param description what the client is told, e.g. {@link #SECOND_FACTOR_REQUIRED}; nothing internal
     */
    public static void requireInteraction(AuthenticationFlowContext context, String description) {
        if (context.getUser() != null) {
            context.getEvent().user(context.getUser());
        }
        context.getEvent().detail(Details.REASON, description).error(INTERACTION_REQUIRED);
        context.challenge(interactionRequired(description));
    }

    /** 400 {@value #INTERACTION_REQUIRED} with this description. */
    public static Response interactionRequired(String description) {
        return error(INTERACTION_REQUIRED, description);
    }

    /** 400 {@value #ACCESS_DENIED} naming only the support reference the event also carries. */
    public static Response accessDenied(String reference) {
        return error(ACCESS_DENIED, accessDeniedDescription(reference));
    }

    static String accessDeniedDescription(String reference) {
        return "Sign-in refused. Support reference: " + reference
                + ". If this was you, contact your help desk and give them this reference.";
    }

    /** An OAuth error response as the token endpoint gives them: 400, JSON, not to be cached. */
    public static Response error(String error, String description) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(body(error, description))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    static OAuth2ErrorRepresentation body(String error, String description) {
        return new OAuth2ErrorRepresentation(error, description);
    }
}
