package io.zerotrust.keycloak.events.anomaly;

import java.util.Map;

import io.zerotrust.keycloak.risk.device.UserAgentInfo;

/**
 * User-Agent header to "browser/OS" family ({@code Firefox/Windows}), the user-agent feature of the sign-in
 * likelihood: versions change every few weeks, families rarely. {@link UserAgentInfo#parse} caches its results.
 */
final class AgentFamilies {

    String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        UserAgentInfo info = UserAgentInfo.parse(userAgent, Map.of());
        if (info.browserFamily() == null && info.osFamily() == null) {
            return null;
        }
        return (info.browserFamily() == null ? "?" : info.browserFamily()) + "/" + (info.osFamily() == null ? "?" : info.osFamily());
    }
}
