package io.zerotrust.keycloak.bench.login;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the load needs from Keycloak's pages and redirects: the login form's target and how a login ended. */
final class LoginPages {

    private static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile("id=\"zt-reference\"[^>]*>([^<]*)<");

    private LoginPages() {
    }

    /**
     * The action of the username/password form ({@code id="kc-form-login"}, Keycloak's id in every login theme),
     * unescaped; empty when the page has no such form.
     */
    static Optional<String> loginFormAction(String html) {
        Matcher forms = FORM_TAG.matcher(html);
        while (forms.find()) {
            String tag = forms.group();
            Matcher id = ID.matcher(tag);
            Matcher action = ACTION.matcher(tag);
            if (id.find() && id.group(1).equals("kc-form-login") && action.find()) {
                return Optional.of(unescape(action.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The support reference on zt-deny's page, for finding the refusal in the server's events. */
    static Optional<String> denialReference(String html) {
        Matcher reference = REFERENCE.matcher(html == null ? "" : html);
        return reference.find() ? Optional.of(reference.group(1).trim()) : Optional.empty();
    }

    /** Undoes the HTML escaping FreeMarker applies to an attribute value. */
    static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&#x2F;", "/")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * How the credentials POST ended. Success is only a redirect to the client's redirect URI carrying a
     * non-empty {@code code} and no {@code error}; a page (a second factor, a refusal, the login form again)
     * or any other answer is a failed login.
     */
    static LoginOutcome outcome(int status, Optional<String> location, String body, String redirectUri) {
        if (status == 302 || status == 303) {
            String target = location.orElse("");
            if (target.startsWith(redirectUri) && hasParameter(target, "code") && !hasParameter(target, "error")) {
                return LoginOutcome.SUCCESS;
            }
            return LoginOutcome.REDIRECT_WITHOUT_CODE;
        }
        if (status != 200) {
            return LoginOutcome.HTTP_ERROR;
        }
        String page = body == null ? "" : body;
        if (page.contains("id=\"kc-otp-login-form\"")) {
            return LoginOutcome.OTP_REQUESTED;
        }
        if (page.contains("id=\"kc-totp-settings-form\"") || page.contains("name=\"totp\"")) {
            return LoginOutcome.OTP_ENROLMENT_REQUESTED;
        }
        if (page.contains("id=\"zt-denied\"")) {
            return LoginOutcome.DENIED;
        }
        if (page.contains("id=\"kc-form-login\"")) {
            return LoginOutcome.LOGIN_FORM_AGAIN;
        }
        return LoginOutcome.OTHER_PAGE;
    }

    /** True when the URI's query or fragment has the parameter with a non-empty value. */
    static boolean hasParameter(String uri, String name) {
        String rest;
        try {
            URI parsed = URI.create(uri);
            rest = (parsed.getRawQuery() == null ? "" : parsed.getRawQuery())
                    + "&" + (parsed.getRawFragment() == null ? "" : parsed.getRawFragment());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String pair : rest.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name) && eq < pair.length() - 1) {
                return true;
            }
        }
        return false;
    }
}
