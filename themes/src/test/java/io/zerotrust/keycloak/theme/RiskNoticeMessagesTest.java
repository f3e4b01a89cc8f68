package io.zerotrust.keycloak.theme;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk notice of login-otp.ftl must read well in every language the theme offers. */
class RiskNoticeMessagesTest {

    /** The reason codes the OTP page explains (io.zerotrust.keycloak.authn.otp.RiskNotice.EXPLAINED_CODES). */
    private static final List<String> EXPLAINED_CODES = List.of("GEO_NEW_COUNTRY", "GEO_NEW_CITY", "DEVICE_UNKNOWN",
            "IMPOSSIBLE_TRAVEL", "GEO_ANONYMOUS_VPN", "GEO_TOR_EXIT", "IP_TOR_EXIT", "POSTURE_MISSING",
            "POSTURE_BAD_SIGNATURE", "TIME_OUTSIDE_WINDOW", "TIME_UNUSUAL_HOUR", "PASSWORD_SPRAY_IP",
            "CREDENTIAL_STUFFING_IP", "LOGIN_FAILURES_USER");

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = RiskNoticeMessagesTest.class.getResourceAsStream(
                "/theme/zero-trust/login/messages/messages_" + language + ".properties")) {
            assertThat(in).as("messages_%s.properties", language).isNotNull();
            messages.load(in);
        }
        return messages;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyExplainedCodeHasAMessage(String language) throws IOException {
        Properties messages = messages(language);
        for (String key : List.of("ztRiskNoticeTitle", "ztRiskNoticeIntro", "ztRiskReasonUnknown")) {
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
        }
        for (String code : EXPLAINED_CODES) {
            assertThat(messages.getProperty("ztReason_" + code)).as(language + " ztReason_" + code).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void messagesFormatAsKeycloakFormatsThem(String language) throws IOException {
        Properties messages = messages(language);
        for (String key : messages.stringPropertyNames()) {
            // Keycloak passes every message through MessageFormat: a single quote would swallow the text after it
            String formatted = new MessageFormat(messages.getProperty(key), Locale.forLanguageTag(language)).format(new Object[]{"Tokyo"});
            assertThat(formatted).as(key).doesNotContain("{").doesNotContain("}");
        }
        assertThat(new MessageFormat(messages.getProperty("ztReason_GEO_NEW_COUNTRY")).format(new Object[]{"Japan"})).contains("Japan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void languagesHaveTheSameKeys(String language) throws IOException {
        assertThat(messages(language).stringPropertyNames()).isEqualTo(messages("en").stringPropertyNames());
    }
}
