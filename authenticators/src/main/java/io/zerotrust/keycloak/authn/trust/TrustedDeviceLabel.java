package io.zerotrust.keycloak.authn.trust;

import java.util.ArrayList;
import java.util.List;

/**
 * The name a trusted device is listed under, e.g. "Trusted device: Firefox on Linux, Vienna (AT)": enough for a
 * user to tell their devices apart, from what the browser and GeoIP said when it was trusted, and to know what it
 * is where Keycloak shows the label alone (its "Delete ...?" confirmation).
 */
final class TrustedDeviceLabel {

    private static final int MAX_LENGTH = 255;
    private static final String PREFIX = "Trusted device: ";

    private TrustedDeviceLabel() {
    }

    static String of(String browser, String os, String city, String countryCode) {
        String program = name(browser);
        String system = name(os);
        String device = program == null && system == null ? "Unknown browser"
                : program == null ? system : system == null ? program : program + " on " + system;
        List<String> place = new ArrayList<>();
        if (city != null && !city.isBlank()) {
            place.add(city.strip());
        }
        if (countryCode != null && !countryCode.isBlank()) {
            place.add(place.isEmpty() ? countryCode.strip() : "(" + countryCode.strip() + ")");
        }
        String label = PREFIX + (place.isEmpty() ? device : device + ", " + String.join(" ", place));
        return label.length() > MAX_LENGTH ? label.substring(0, MAX_LENGTH) : label;
    }

    /** "Firefox/135.0" reads as "Firefox"; Keycloak's parser says "Other" when it does not know. */
    private static String name(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.split("/", 2)[0].strip();
        return name.isEmpty() || "Other".equalsIgnoreCase(name) ? null : name;
    }
}
