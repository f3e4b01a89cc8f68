package io.zerotrust.keycloak.risk.learning;

/**
 * Which device a successful sign-in teaches the user's profile. A device is worth remembering only if the client
 * will show its signed cookie again:
 * <ul>
 * <li>a valid cookie of this user on the request names the device, whatever else the event says (a brokered sign-in
 * sends its LOGIN event in a later request than the flow that assessed it, so that event has no device detail);</li>
 * <li>otherwise a browser sign-in teaches the device the assessment named, whose cookie is set on this response;</li>
 * <li>a sign-in at the token endpoint (direct grant) without such a cookie teaches none: the cookie issued on the
 * token response is rarely kept by an API client, and a new device per request would push the user's real devices
 * out of the profile.</li>
 * </ul>
 */
final class LearnedDevice {

    private LearnedDevice() {
    }

    /**
     * @param presented device id of a valid device cookie of this user on the request, or null
     * @param assessed device id the assessment recorded on the event, or null
     * @param tokenEndpoint whether the sign-in happened at the token endpoint (the event has a grant type)
     */
    static String choose(String presented, String assessed, boolean tokenEndpoint) {
        if (presented != null) {
            return presented;
        }
        return tokenEndpoint ? null : assessed;
    }
}
