package io.zerotrust.keycloak.bench.detection;

import java.util.Map;

import io.zerotrust.keycloak.risk.device.UserAgentInfo;

/**
 * The two feature hierarchies of Freeman et al. (NDSS 2016) as das-group/rba-algorithm uses them, most specific
 * first: address, ASN, country; and User-Agent string, browser name and version, OS name and version, device type.
 * Browser and OS come from the pack's own User-Agent parser (uap-java); the device type is {@code tablet} for an
 * iPad, {@code mobile} for another Android or iOS device, {@code desktop} otherwise. A missing value is the text
 * {@code "?"}, so it still counts as one value, as pandas groups a missing one.
 *
 * @param ip levels of the address hierarchy
 * @param ua levels of the User-Agent hierarchy
 */
public record FreemanFeatures(String[] ip, String[] ua) {

    private static final String MISSING = "?";

    public static FreemanFeatures of(LoginRecord login) {
        String asn = login.location() == null || login.location().asn() == null ? MISSING : Long.toString(login.location().asn());
        String country = login.location() == null || login.location().countryCode() == null ? MISSING : login.location().countryCode();
        UserAgentInfo agent = UserAgentInfo.parse(login.userAgent(), Map.of());
        String browser = agent.browserFamily() == null ? MISSING : agent.browserFamily() + " " + agent.browserVersion();
        String os = agent.osFamily() == null ? MISSING : agent.osFamily() + " " + agent.osVersion();
        return new FreemanFeatures(new String[] {orMissing(login.ip()), asn, country},
                new String[] {orMissing(login.userAgent()), browser, os, deviceType(agent)});
    }

    private static String deviceType(UserAgentInfo agent) {
        if ("iPad".equals(agent.deviceFamily())) {
            return "tablet";
        }
        return "Android".equals(agent.osFamily()) || "iOS".equals(agent.osFamily()) ? "mobile" : "desktop";
    }

    private static String orMissing(String value) {
        return value == null ? MISSING : value;
    }
}
