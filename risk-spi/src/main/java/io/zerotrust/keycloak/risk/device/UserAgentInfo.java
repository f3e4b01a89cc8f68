package io.zerotrust.keycloak.risk.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser, OS and device of a request, from its User-Agent (parsed by uap-java, which Keycloak ships) refined by
 * User-Agent Client Hints when the browser sends them. Family names are uap-core's ("Chrome", "Firefox",
 * "Mobile Safari", "Windows", "Mac OS X", "iOS", "Android", ...); a family uap-core cannot tell is null.
 *
 * @param browserFamily  e.g. "Firefox", or null
 * @param browserVersion e.g. 128.0, or null
 * @param osFamily       e.g. "Windows", or null
 * @param osVersion      e.g. 11, or null
 * @param deviceFamily   e.g. "iPhone", "Mac", or null (uap-core's "Other", as desktops usually are)
 */
public record UserAgentInfo(String browserFamily, VersionNumber browserVersion, String osFamily,
                            VersionNumber osVersion, String deviceFamily) {

    /** uap-core's word for "not recognised". */
    private static final String OTHER = "Other";

    /**
     * Longest User-Agent given to the parser: real ones are a few hundred characters, and regular expressions
     * should not run over attacker-sized input on the login thread.
     */
    static final int MAX_USER_AGENT_LENGTH = 512;

    private static final UserAgentInfo UNKNOWN = new UserAgentInfo(null, null, null, null, null);
    private static final int MAX_CACHED = 4096;
    /** Parsed User-Agents, least recently used dropped first. */
    private static final Map<String, UserAgentInfo> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, UserAgentInfo> eldest) {
                    return size() > MAX_CACHED;
                }
            });

    public static UserAgentInfo unknown() {
        return UNKNOWN;
    }

    /**
     * Parses a request's browser and platform.
     *
     * @param userAgent the User-Agent header, or null
     * @param headers   request headers by lower-case name, for the Client Hints; may be empty
     */
    public static UserAgentInfo parse(String userAgent, Map<String, String> headers) {
        UserAgentInfo fromUserAgent = parseUserAgent(userAgent);
        return headers == null || headers.isEmpty() ? fromUserAgent : fromUserAgent.refinedBy(ClientHints.from(headers));
    }

    /**
     * One sign-in parses its User-Agent in several places (device and posture evaluators, the learning listener,
     * the event pipeline), and real traffic has few distinct ones; the regular expressions run once per value.
     */
    private static UserAgentInfo parseUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String bounded = userAgent.length() > MAX_USER_AGENT_LENGTH ? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent;
        UserAgentInfo cached = PARSED.get(bounded);
        if (cached == null) {
            cached = parseBounded(bounded);
            PARSED.put(bounded, cached);
        }
        return cached;
    }

    private static UserAgentInfo parseBounded(String bounded) {
        Client client = ParserHolder.PARSER.parse(bounded);
        String browser = family(client.userAgent == null ? null : client.userAgent.family);
        String os = family(client.os == null ? null : client.os.family);
        return new UserAgentInfo(browser,
                browser == null ? null : VersionNumber.of(client.userAgent.major, client.userAgent.minor, client.userAgent.patch),
                os,
                os == null ? null : VersionNumber.of(client.os.major, client.os.minor, client.os.patch),
                family(client.device == null ? null : client.device.family));
    }

    /**
     * Prefers the Client Hints' versions where they name the same browser and platform as the User-Agent; a
     * hint that contradicts the User-Agent is ignored rather than believed.
     */
    UserAgentInfo refinedBy(ClientHints hints) {
        VersionNumber hintedBrowser = hints.browserVersion(browserFamily);
        VersionNumber browser = hintedBrowser != null ? hintedBrowser : browserVersion;
        VersionNumber os = osVersion;
        String hintedOs = hints.osFamily();
        if (hintedOs != null && hintedOs.equalsIgnoreCase(osFamily) && hints.osVersion() != null) {
            os = hints.osVersion();
        }
        return new UserAgentInfo(browserFamily, browser, osFamily, os, deviceFamily);
    }

    private static String family(String family) {
        return family == null || family.isBlank() || OTHER.equals(family) ? null : family;
    }

    /** Loads uap-core's regular expressions once: building a {@link Parser} compiles hundreds of patterns. */
    private static final class ParserHolder {
        // Parser keeps no per-call state, so one instance serves all threads
        static final Parser PARSER = new Parser();
    }
}
