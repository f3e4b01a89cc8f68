package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.htmlunit.html.HtmlPage;
import org.keycloak.models.utils.TimeBasedOTP;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes of a test user's authenticator app. Keycloak refuses a code used before, and a test may sign a
 * user in twice within one 30-second period; the server also accepts the codes of the neighbouring periods
 * (look-around window 1), so a second sign-in gets the next period's code instead of waiting for it.
 */
final class OneTimeCodes {

    private static final int PERIOD_SECONDS = 30;
    private static final Map<String, Set<Long>> USED = new HashMap<>();

    private OneTimeCodes() {
    }

    /** Types the user's next unused code into the one-time code page and submits it; returns the next page. */
    static HtmlPage submit(HtmlPage otpPage, String username, String secret) throws IOException {
        assertThat(otpPage.getElementById("otp")).as("one-time code page: %s %s", otpPage.getUrl(), otpPage.asNormalizedText()).isNotNull();
        otpPage.getHtmlElementById("otp").type(next(username, secret));
        return otpPage.getHtmlElementById("kc-login").click();
    }

    /** The secret Keycloak's OTP set-up page holds for the new authenticator, as the user's app reads it. */
    static String setUpSecret(HtmlPage setUpPage) {
        return ((org.htmlunit.html.HtmlInput) setUpPage.getHtmlElementById("totpSecret")).getValue();
    }

    /** Submits the OTP set-up page with {@code code} and the device name "phone"; returns the next page. */
    static HtmlPage submitSetUp(HtmlPage setUpPage, String code) throws IOException {
        setUpPage.getHtmlElementById("totp").type(code);
        setUpPage.getHtmlElementById("userLabel").type("phone");
        return setUpPage.getHtmlElementById("saveTOTPBtn").click();
    }

    static synchronized String next(String username, String secret) {
        long now = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
        // Per app (secret) and user: test realms reuse user names
        Set<Long> used = USED.computeIfAbsent(secret + "/" + username, u -> new HashSet<>());
        for (long period : new long[]{now, now + 1, now - 1}) {
            if (used.add(period)) {
                Calendar at = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                at.setTimeInMillis(period * PERIOD_SECONDS * 1000 + PERIOD_SECONDS * 500L);
                TimeBasedOTP otp = new TimeBasedOTP();
                otp.setCalendar(at);
                return otp.generateTOTP(secret);
            }
        }
        throw new IllegalStateException(username + " signed in with a code more than three times in a period");
    }
}
