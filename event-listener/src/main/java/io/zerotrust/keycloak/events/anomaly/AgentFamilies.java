package io.zerotrust.keycloak.events.anomaly;

import java.util.Map;

import io.zerotrust.keycloak.risk.device.UserAgentInfo;

/**
 * User-Agent header to "browser/OS" family ({@code Firefox/Windows}), the user-agent feature of the sign-in
 * likelihood: versions change every few weeks, families rarely. Parsing runs regular expressions, so results
 * are cached (bounded); real traffic has few distinct User-Agents. Not thread-safe.
 */
final class AgentFamilies {

    private final BoundedLru<String, String> cache = new BoundedLru<>(4096);

    String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String family = cache.get(userAgent);
        if (family == null) {
            UserAgentInfo info = UserAgentInfo.parse(userAgent, Map.of());
            family = (info.browserFamily() == null ? "?" : info.browserFamily()) + "/"
                    + (info.osFamily() == null ? "?" : info.osFamily());
            cache.put(userAgent, family);
        }
        return "?/?".equals(family) ? null : family;
    }
}
