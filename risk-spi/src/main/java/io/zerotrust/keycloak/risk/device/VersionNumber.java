package io.zerotrust.keycloak.risk.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dotted version such as {@code 120.0.6099} compared part by part, numerically; missing parts count as 0, so
 * {@code 13} equals {@code 13.0} and is older than {@code 13.1}.
 */
public final class VersionNumber implements Comparable<VersionNumber> {

    private static final int MAX_PARTS = 6;
    private static final int MAX_DIGITS = 9;

    private final int[] parts;

    private VersionNumber(int[] parts) {
        this.parts = parts;
    }

    /** Builds a version from its parts, skipping trailing nulls (uap-java gives null for absent parts). */
    public static VersionNumber of(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                break;
            }
            present.add(part);
        }
        return present.isEmpty() ? null : parse(String.join(".", present));
    }

    /**
     * Parses {@code 1.2.3}; a part stops at its first non-digit ({@code 17.2b} is 17.2).
     *
     * @return the version, or null when the text does not start with a number
     */
    public static VersionNumber parse(String text) {
        if (text == null) {
            return null;
        }
        String[] raw = text.trim().split("[._]", MAX_PARTS + 1);
        int[] parsed = new int[Math.min(raw.length, MAX_PARTS)];
        int count = 0;
        for (int i = 0; i < parsed.length; i++) {
            String digits = leadingDigits(raw[i]);
            if (digits.isEmpty()) {
                break;
            }
            parsed[count++] = Integer.parseInt(digits);
            if (digits.length() != raw[i].length()) {
                break;
            }
        }
        return count == 0 ? null : new VersionNumber(Arrays.copyOf(parsed, count));
    }

    private static String leadingDigits(String part) {
        int end = 0;
        while (end < part.length() && end < MAX_DIGITS && Character.isDigit(part.charAt(end)) && part.charAt(end) < 128) {
            end++;
        }
        return part.substring(0, end);
    }

    public int major() {
        return parts[0];
    }

    public int minor() {
        return parts.length > 1 ? parts[1] : 0;
    }

    @Override
    public int compareTo(VersionNumber other) {
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    public boolean isOlderThan(VersionNumber other) {
        return compareTo(other) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionNumber v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.length;
        while (last > 1 && parts[last - 1] == 0) {
            last--;
        }
        return Objects.hash(Arrays.hashCode(Arrays.copyOf(parts, last)));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int part : parts) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(part);
        }
        return text.toString();
    }
}
