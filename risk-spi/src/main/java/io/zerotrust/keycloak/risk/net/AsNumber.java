package io.zerotrust.keycloak.risk.net;

/** Autonomous system numbers as admins write them: {@code 64512} or {@code AS64512}. */
public final class AsNumber {

    /** The largest 32-bit AS number. */
    private static final long MAX = 0xFFFFFFFFL;

    private AsNumber() {
    }

    /** The number written as {@code 64512} or {@code AS64512} (any case), or null when it is not one. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        String digits = trimmed.regionMatches(true, 0, "AS", 0, 2) ? trimmed.substring(2) : trimmed;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 10) {
            return null;
        }
        long asn = Long.parseLong(digits);
        return asn > 0 && asn <= MAX ? asn : null;
    }
}
