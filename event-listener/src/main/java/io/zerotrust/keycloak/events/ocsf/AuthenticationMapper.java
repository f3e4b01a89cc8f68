package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.events.SecurityEvent;

/**
 * Maps sign-in, token and sign-out events to the OCSF Authentication class (3002). OAuth tokens are read as
 * Kerberos-style tickets: the code exchange issues the first ticket after a logon, a token exchange requests a
 * ticket for another service, a refresh renews one.
 */
final class AuthenticationMapper {

    static final int CLASS_UID = 3002;
    static final int CATEGORY_UID = 3;
    static final String CATEGORY_NAME = "Identity & Access Management";

    static final int LOGON = 1;
    static final int LOGOFF = 2;
    static final int AUTHENTICATION_TICKET = 3;
    static final int SERVICE_TICKET_REQUEST = 4;
    static final int SERVICE_TICKET_RENEW = 5;

    private static final Map<String, Integer> ACTIVITIES = Map.of(
            "LOGIN", LOGON,
            "CLIENT_LOGIN", LOGON,
            "IDENTITY_PROVIDER_LOGIN", LOGON,
            "IDENTITY_PROVIDER_FIRST_LOGIN", LOGON,
            "IDENTITY_PROVIDER_POST_LOGIN", LOGON,
            "LOGOUT", LOGOFF,
            "CODE_TO_TOKEN", AUTHENTICATION_TICKET,
            "TOKEN_EXCHANGE", SERVICE_TICKET_REQUEST,
            "REFRESH_TOKEN", SERVICE_TICKET_RENEW);

    /** Token-endpoint grants: OAuth 2.0 when Keycloak names no auth_method; sign-ins and logouts say nothing then. */
    private static final Set<String> OAUTH_WITHOUT_METHOD = Set.of("CLIENT_LOGIN", "CODE_TO_TOKEN", "TOKEN_EXCHANGE", "REFRESH_TOKEN");

    private AuthenticationMapper() {
    }

    /** Whether the event (or its _ERROR twin) is an authentication event. */
    static boolean handles(SecurityEvent event) {
        return event.origin() == SecurityEvent.Origin.USER && ACTIVITIES.containsKey(event.baseType());
    }

    static OcsfJson map(SecurityEvent event) {
        int activity = ACTIVITIES.get(event.baseType());
        OcsfWriter ocsf = OcsfObjects.base(CATEGORY_UID, CATEGORY_NAME, CLASS_UID, "Authentication", activity,
                activityName(activity), event.time(), event.id());
        OcsfObjects.severity(ocsf, OcsfObjects.severity(event));
        OcsfObjects.status(ocsf, event.failed(), event.error());
        OcsfObjects.user(ocsf, event.userId(), event.username());
        if (event.clientId() != null) {
            ocsf.object("service").field("name", event.clientId()).field("uid", event.clientId()).end();
        }
        if (event.sessionId() != null) {
            ocsf.object("session").field("uid", event.sessionId()).end();
        }
        authProtocol(ocsf, event);
        ocsf.field("is_remote", true);
        OcsfObjects.context(ocsf, event);
        OcsfObjects.unmapped(ocsf, event);
        return OcsfJson.of(ocsf.finish(), event.id(), event.realmId(), event.userId(), event.ip());
    }

    static String activityName(int activity) {
        return switch (activity) {
            case LOGON -> "Logon";
            case LOGOFF -> "Logoff";
            case AUTHENTICATION_TICKET -> "Authentication Ticket";
            case SERVICE_TICKET_REQUEST -> "Service Ticket Request";
            case SERVICE_TICKET_RENEW -> "Service Ticket Renew";
            default -> "Other";
        };
    }

    private static void authProtocol(OcsfWriter ocsf, SecurityEvent event) {
        String method = event.details().get("auth_method");
        int id;
        String name;
        if ("saml".equals(method)) {
            id = 5;
            name = "SAML";
        } else if ("openid-connect".equals(method)) {
            id = 4;
            name = "OpenID";
        } else if (OAUTH_WITHOUT_METHOD.contains(event.baseType())) {
            // token endpoint grants without an auth_method detail are OAuth 2.0
            id = 6;
            name = "OAUTH 2.0";
        } else {
            return;
        }
        ocsf.field("auth_protocol_id", id).field("auth_protocol", name);
    }
}
