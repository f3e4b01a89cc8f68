package io.zerotrust.keycloak.authn.deny;

import java.security.SecureRandom;

/**
 * A short reference for a refused sign-in: shown to the user for the help desk and recorded in the event, so the
 * SOC finds the event from what the user reads out. Unambiguous characters only (no 0/O, 1/I/L).
 */
public final class DenialReference {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DenialReference() {
    }

    /** Ten characters in two groups, e.g. {@code K7Q2M-XR9TD}: about 50 bits, enough not to collide in practice. */
    public static String next() {
        StringBuilder reference = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                reference.append('-');
            }
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
