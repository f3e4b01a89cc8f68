package io.zerotrust.keycloak.bench.login;

import java.net.http.HttpHeaders;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The cookies of one simulated browser, kept by hand. Keycloak marks its cookies {@code Secure; SameSite=None}
 * even on plain http://127.0.0.1, and the JDK's CookieManager would not send a secure cookie over plain HTTP, so
 * this jar ignores those attributes. Every request of the load goes to one realm's path, so paths and domains
 * are not tracked either: whatever the server set is sent back, until it expires it or the jar drops it.
 */
final class CookieJar {

    private static final List<DateTimeFormatter> EXPIRES_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.ROOT));

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Applies every {@code Set-Cookie} of a response. */
    void store(HttpHeaders headers) {
        headers.allValues("set-cookie").forEach(this::apply);
    }

    /** Applies one {@code Set-Cookie} value: stores the cookie, or removes it when the server expires it. */
    void apply(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length && !expired; i++) {
            String attribute = parts[i].trim();
            int aeq = attribute.indexOf('=');
            String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String argument = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
            if (key.equals("max-age")) {
                expired = maxAgeExpired(argument);
            } else if (key.equals("expires")) {
                expired = inThePast(argument);
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static boolean maxAgeExpired(String argument) {
        try {
            return Long.parseLong(argument) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean inThePast(String argument) {
        for (DateTimeFormatter format : EXPIRES_FORMATS) {
            try {
                return ZonedDateTime.parse(argument, format).isBefore(ZonedDateTime.now());
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return false;
    }

    /** The {@code Cookie} request header, or null when the jar is empty. */
    String header() {
        if (cookies.isEmpty()) {
            return null;
        }
        StringJoiner joined = new StringJoiner("; ");
        cookies.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }

    /** Drops every cookie whose name is not listed, as a browser forgets its session cookies. */
    void retainOnly(Set<String> names) {
        cookies.keySet().retainAll(names);
    }

    String get(String name) {
        return cookies.get(name);
    }

    Set<String> names() {
        return Set.copyOf(cookies.keySet());
    }
}
