package io.zerotrust.keycloak.risk.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * User-Agent Client Hints ({@code Sec-CH-UA-*} headers) as Chromium-based browsers send them. They carry full
 * versions that the reduced User-Agent string no longer does (Chrome freezes minor versions and reports Windows 11
 * as "Windows NT 10.0"). Like the User-Agent they are client-controlled; they refine versions, never identity.
 *
 * @param platform        {@code Sec-CH-UA-Platform}, e.g. "Windows", or null
 * @param platformVersion {@code Sec-CH-UA-Platform-Version}, or null
 * @param brands          {@code Sec-CH-UA-Full-Version-List}: brand name to full version, in header order
 */
record ClientHints(String platform, VersionNumber platformVersion, Map<String, VersionNumber> brands) {

    static final String PLATFORM = "sec-ch-ua-platform";
    static final String PLATFORM_VERSION = "sec-ch-ua-platform-version";
    static final String FULL_VERSION_LIST = "sec-ch-ua-full-version-list";

    /** Real headers are well under this; longer ones are ignored rather than parsed. */
    private static final int MAX_HEADER_LENGTH = 512;

    static ClientHints from(Map<String, String> headers) {
        return new ClientHints(unquote(bounded(headers.get(PLATFORM))),
                VersionNumber.parse(unquote(bounded(headers.get(PLATFORM_VERSION)))),
                parseBrands(bounded(headers.get(FULL_VERSION_LIST))));
    }

    /**
     * The OS family as uap-core names it, or null.
     */
    String osFamily() {
        if (platform == null || platform.isBlank()) {
            return null;
        }
        return switch (platform.toLowerCase(Locale.ROOT)) {
            case "macos" -> "Mac OS X";
            case "chrome os", "chromium os" -> "Chrome OS";
            default -> platform;
        };
    }

    /**
     * The OS version to report for {@code osFamily}: on Windows the platform version is not the marketing version
     * (13 and above is Windows 11, 1 to 12 is Windows 10, 0 is 7, 8 or 8.1 which only the User-Agent tells apart).
     */
    VersionNumber osVersion() {
        if (platformVersion == null) {
            return null;
        }
        if ("windows".equalsIgnoreCase(platform)) {
            if (platformVersion.major() >= 13) {
                return VersionNumber.parse("11");
            }
            return platformVersion.major() >= 1 ? VersionNumber.parse("10") : null;
        }
        return platformVersion;
    }

    /**
     * The full version of the brand matching a uap-core browser family ("Chrome" matches "Google Chrome",
     * "Chrome Mobile" matches "Google Chrome", "Edge" matches "Microsoft Edge"), or null.
     */
    VersionNumber browserVersion(String family) {
        if (family == null) {
            return null;
        }
        String wanted = family.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, VersionNumber> brand : brands.entrySet()) {
            String name = brand.getKey().toLowerCase(Locale.ROOT).replaceFirst("^(google|microsoft) ", "");
            if (wanted.equals(name) || wanted.startsWith(name + " ")) {
                return brand.getValue();
            }
        }
        return null;
    }

    private static String bounded(String value) {
        return value == null || value.length() > MAX_HEADER_LENGTH ? null : value;
    }

    /** Removes the quotes of a structured-field string ({@code "Windows"}); returns bare tokens unchanged. */
    static String unquote(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return trimmed;
    }

    private static Map<String, VersionNumber> parseBrands(String header) {
        Map<String, VersionNumber> brands = new LinkedHashMap<>();
        if (header == null) {
            return brands;
        }
        for (String item : splitOutsideQuotes(header)) {
            // "Google Chrome";v="120.0.6099.109"
            int semicolon = item.lastIndexOf(';');
            if (semicolon < 0) {
                continue;
            }
            String brand = unquote(item.substring(0, semicolon));
            String param = item.substring(semicolon + 1).trim();
            if (!param.startsWith("v=") || brand.isEmpty()) {
                continue;
            }
            VersionNumber version = VersionNumber.parse(unquote(param.substring(2)));
            if (version != null) {
                brands.putIfAbsent(brand, version);
            }
        }
        return brands;
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> items = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                items.add(header.substring(start, i));
                start = i + 1;
            }
        }
        items.add(header.substring(start));
        return items;
    }
}
