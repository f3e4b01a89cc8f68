package io.zerotrust.keycloak.theme;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.zerotrust.keycloak.authn.otp.RiskNotice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The notices of login-otp.ftl and login-config-totp.ftl must read well in every language the theme offers. */
class RiskNoticeMessagesTest {

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
        for (String key : List.of("ztRiskNoticeTitle", "ztRiskNoticeIntro", "ztRiskReasonUnknown", "ztEnrolNoticeTitle",
                "ztEnrolReasonLow", "ztEnrolReasonRisk", "ztEnrolReasonRequired", "configureTotpMessage")) {
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
        }
        for (String code : RiskNotice.EXPLAINED_CODES) {
            assertThat(messages.getProperty("ztReason_" + code)).as(language + " ztReason_" + code).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void messagesFormatAsKeycloakFormatsThem(String language) throws IOException {
        Properties messages = messages(language);
        for (String key : messages.stringPropertyNames()) {
            // Keycloak passes every message through MessageFormat: a single quote would swallow the text after it
            // The trust period's messages take a number (FreeMarker passes numbers as numbers), the others a place
            Object argument = key.startsWith("ztTrustText") ? (Object) 30L : "Tokyo";
            String formatted = new MessageFormat(messages.getProperty(key), Locale.forLanguageTag(language)).format(new Object[]{argument});
            assertThat(formatted).as(key).doesNotContain("{").doesNotContain("}");
        }
        assertThat(new MessageFormat(messages.getProperty("ztReason_GEO_NEW_COUNTRY")).format(new Object[]{"Japan"})).contains("Japan");
    }

    @org.junit.jupiter.api.Test
    void theTrustPeriodReadsInSingularAndPlural() throws IOException {
        Properties en = messages("en");
        assertThat(new MessageFormat(en.getProperty("ztTrustTextDays"), Locale.ENGLISH).format(new Object[]{30L})).contains("for 30 days,");
        assertThat(new MessageFormat(en.getProperty("ztTrustTextDays"), Locale.ENGLISH).format(new Object[]{1L})).contains("for one day,");
        assertThat(new MessageFormat(en.getProperty("ztTrustTextMinutes"), Locale.ENGLISH).format(new Object[]{1L})).contains("for one minute,");
        Properties de = messages("de");
        assertThat(new MessageFormat(de.getProperty("ztTrustTextHours"), Locale.GERMAN).format(new Object[]{12L})).contains("12 Stunden lang");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void languagesHaveTheSameKeys(String language) throws IOException {
        assertThat(messages(language).stringPropertyNames()).isEqualTo(messages("en").stringPropertyNames());
    }
}
