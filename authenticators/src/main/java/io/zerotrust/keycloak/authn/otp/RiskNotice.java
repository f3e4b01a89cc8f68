package io.zerotrust.keycloak.authn.otp;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Turns the risk assessment's notes into the sentences that tell a user why a second factor is asked. Only the
 * reasons a user can understand and act on are shown, strongest first; codes that lower the risk or concern the
 * pack's own health are left out. Nothing is shown for a LOW sign-in (the second factor is then asked for other
 * reasons) or when no assessment ran.
 */
public final class RiskNotice {

    /** Template attribute: list of {@link RiskNoticeLine}, empty when there is nothing to explain. */
    public static final String ATTRIBUTE_REASONS = "ztRiskReasons";
    /** Template attribute: LOW / MEDIUM / HIGH, absent when no assessment ran. */
    public static final String ATTRIBUTE_LEVEL = "ztRiskLevel";

    /** Message key prefix; the theme holds {@code ztReason_<CODE>} for each code below. */
    public static final String REASON_KEY_PREFIX = "ztReason_";
    /** Shown when the level is raised but no reason is one of the explained codes. */
    public static final String UNKNOWN_REASON_KEY = "ztRiskReasonUnknown";
    /** More sentences would bury the code field; the strongest reasons explain enough. */
    public static final int MAX_LINES = 3;

    /** Codes whose sentence names the country ({0}). */
    private static final Set<String> NAMES_COUNTRY = Set.of("GEO_NEW_COUNTRY");
    /** Codes whose sentence names the place, city and country ({0}). */
    private static final Set<String> NAMES_PLACE = Set.of("GEO_NEW_CITY");

    /** The codes the theme explains. */
    public static final Set<String> EXPLAINED_CODES = Set.of("GEO_NEW_COUNTRY", "GEO_NEW_CITY", "DEVICE_UNKNOWN",
            "IMPOSSIBLE_TRAVEL", "GEO_ANONYMOUS_VPN", "GEO_TOR_EXIT", "IP_TOR_EXIT", "POSTURE_MISSING",
            "POSTURE_BAD_SIGNATURE", "TIME_OUTSIDE_WINDOW", "TIME_UNUSUAL_HOUR", "PASSWORD_SPRAY_IP",
            "CREDENTIAL_STUFFING_IP", "LOGIN_FAILURES_USER", "GEO_UNUSUAL_ADDRESS_BLOCK", "GEO_HOSTING_PROVIDER");

    private RiskNotice() {
    }

    /**
     * @param levelNote   the assessed level ({@code zt.risk.level}), or null when no assessment ran
     * @param reasonsNote comma-separated reason codes, strongest first ({@code zt.risk.reasons}), or null
     * @param countryCode ISO code of the sign-in's country ({@code zt.geo.country}), or null
     * @param city        the sign-in's city ({@code zt.geo.city}), or null
     * @param locale      the page's language, for the country's name
     */
    public static List<RiskNoticeLine> lines(String levelNote, String reasonsNote, String countryCode, String city,
                                             Locale locale) {
        RiskLevel level = readLevel(levelNote);
        if (level == null || level == RiskLevel.LOW) {
            return List.of();
        }
        String country = countryName(countryCode, locale);
        Set<RiskNoticeLine> lines = new LinkedHashSet<>();
        List<String> codes = codes(reasonsNote);
        for (String code : codes) {
            if (lines.size() == MAX_LINES) {
                break;
            }
            if (code.equals("GEO_HOSTING_PROVIDER") && codes.contains("GEO_ANONYMOUS_VPN")) {
                continue; // a VPN exit runs on a hosting network: one fact, one line
            }
            RiskNoticeLine line = line(code, country, city);
            if (line != null) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return List.of(new RiskNoticeLine(UNKNOWN_REASON_KEY, List.of()));
        }
        return List.copyOf(lines);
    }

    /**
     * Gives the page about to be rendered the notice's attributes, from the authentication session's notes.
     * Authentication-session notes are invisible to templates, so every step that renders a page which explains
     * itself (the code page, the OTP set-up page) calls this first; {@code form} is the request's one login forms
     * provider, which the page is then rendered from.
     */
    public static void addTo(LoginFormsProvider form, KeycloakSession session, AuthenticationSessionModel authSession,
                             UserModel user) {
        if (authSession == null) {
            return;
        }
        String level = authSession.getAuthNote(RiskNotes.LEVEL);
        // The same resolution the login pages use for their messages, so the country name matches the page
        Locale locale = session.getContext().resolveLocale(user);
        form.setAttribute(ATTRIBUTE_REASONS, lines(level, authSession.getAuthNote(RiskNotes.REASONS),
                authSession.getAuthNote(AuthNotes.GEO_COUNTRY), authSession.getAuthNote(AuthNotes.GEO_CITY),
                locale == null ? Locale.ENGLISH : locale));
        if (level != null) {
            form.setAttribute(ATTRIBUTE_LEVEL, level);
        }
    }

    /** The line for one code, or null when the code is not explained or the place it names is unknown. */
    private static RiskNoticeLine line(String code, String country, String city) {
        if (!EXPLAINED_CODES.contains(code)) {
            return null;
        }
        String key = REASON_KEY_PREFIX + code;
        if (NAMES_COUNTRY.contains(code)) {
            return country == null ? null : new RiskNoticeLine(key, List.of(country));
        }
        if (NAMES_PLACE.contains(code)) {
            if (city == null) {
                return null;
            }
            return new RiskNoticeLine(key, List.of(country == null ? city : city + ", " + country));
        }
        return new RiskNoticeLine(key, List.of());
    }

    private static List<String> codes(String reasonsNote) {
        List<String> codes = new ArrayList<>();
        if (reasonsNote != null) {
            for (String code : reasonsNote.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        return codes;
    }

    private static RiskLevel readLevel(String note) {
        if (note == null) {
            return null;
        }
        try {
            return RiskLevel.valueOf(note.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The country's name in the page's language (Java's own names, so no bundle per country), else its code. */
    static String countryName(String countryCode, Locale locale) {
        if (countryCode == null || countryCode.isBlank()) {
            return null;
        }
        String code = countryCode.trim().toUpperCase(Locale.ROOT);
        try {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
            return name.isBlank() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }
}
