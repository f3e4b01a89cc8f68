package io.zerotrust.keycloak.risk.device;

import io.zerotrust.keycloak.risk.spi.OptionReader;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String DEVICE = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final DeviceEvaluator evaluator = new DeviceEvaluator(DeviceEvaluatorConfig.defaults());

    @Test
    void absentCookieIsUnknownDevice() {
        RiskReason reason = single(evaluate(DeviceSignal.absent(), history("Firefox", "Windows"), UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_UNKNOWN);
        assertThat(reason.attributes()).containsEntry("coldStart", "false");
    }

    @Test
    void validCookieOfDeviceNotInProfileIsUnknown() {
        RiskReason reason = single(evaluate(valid(false), history("Firefox", "Windows"), UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
    }

    @Test
    void coldStartIsOnlyMildlyUnknown() {
        EvaluatorResult result = evaluate(DeviceSignal.absent(), UserRiskProfile.empty(), UserAgentInfoTest.FIREFOX_WINDOWS);

        RiskReason reason = single(result);
        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_COLD_START);
        assertThat(reason.attributes()).containsEntry("coldStart", "true");
    }

    @Test
    void knownDeviceLowersRisk() {
        RiskReason reason = single(evaluate(valid(false), historyWithDevice(), FIREFOX_LINUX));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_KNOWN);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_KNOWN);
    }

    @Test
    void trustedDeviceLowersRiskMore() {
        RiskReason reason = single(evaluate(valid(true), historyWithDevice(), UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_TRUSTED);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_TRUSTED);
    }

    @Test
    void forgedCookieIsStrongEvidence() {
        RiskReason reason = single(evaluate(new DeviceSignal(DeviceCookieStatus.FORGED, null, false), historyWithDevice(),
                UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_COOKIE_FORGED);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_FORGED);
    }

    @Test
    void forgedCookieCountsAlsoForNewUsers() {
        assertThat(single(evaluate(new DeviceSignal(DeviceCookieStatus.FORGED, null, false), UserRiskProfile.empty(), null)).logOdds())
                .isEqualTo(DeviceEvaluatorConfig.DEFAULT_FORGED);
    }

    @Test
    void cookieWhoseKeyWasRotatedOutIsAnUnknownDeviceNotAForgery() {
        RiskReason reason = single(evaluate(new DeviceSignal(DeviceCookieStatus.KEY_UNKNOWN, null, false), historyWithDevice(),
                UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_UNKNOWN);
        assertThat(reason.attributes()).containsEntry("cookie", "key-unknown").containsEntry("coldStart", "false");
    }

    @Test
    void unreadableProfileMakesTheDeviceSignalUnavailable() {
        RiskContext context = RiskContext.builder("demo", NOW).userId("alice").device(valid(false))
                .profileProblem("the risk profile could not be read (PersistenceException)").build();

        EvaluatorResult result = evaluator.evaluate(context);

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).contains("risk profile");
    }

    @Test
    void otherUsersCookie() {
        RiskReason reason = single(evaluate(new DeviceSignal(DeviceCookieStatus.OTHER_USER, null, false), historyWithDevice(),
                UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_COOKIE_OTHER_USER);
        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_OTHER_USER);
    }

    @Test
    void expiredCookieIsMild() {
        RiskReason reason = single(evaluate(new DeviceSignal(DeviceCookieStatus.EXPIRED, null, false), historyWithDevice(),
                UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_COOKIE_EXPIRED);
        assertThat(reason.logOdds()).isBetween(0.0, 1.0);
    }

    @Test
    void trustIsIgnoredWithoutValidCookie() {
        RiskReason reason = single(evaluate(new DeviceSignal(DeviceCookieStatus.EXPIRED, DEVICE, true), historyWithDevice(),
                UserAgentInfoTest.FIREFOX_WINDOWS));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_COOKIE_EXPIRED);
    }

    @Test
    void browserAndOsChangesOnUnknownDevice() {
        EvaluatorResult result = evaluate(DeviceSignal.absent(), history("Chrome", "Mac OS X"), UserAgentInfoTest.FIREFOX_WINDOWS);

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(DeviceEvaluator.DEVICE_UNKNOWN,
                DeviceEvaluator.DEVICE_BROWSER_CHANGED, DeviceEvaluator.DEVICE_OS_CHANGED);
        RiskReason browser = result.reasons().get(1);
        assertThat(browser.attributes()).containsEntry("browser", "Firefox").containsEntry("previousBrowser", "Chrome");
        assertThat(browser.message()).contains("Firefox", "Chrome");
        assertThat(result.reasons().get(2).attributes()).containsEntry("os", "Windows").containsEntry("previousOs", "Mac OS X");
    }

    @Test
    void onlyOsChanged() {
        EvaluatorResult result = evaluate(DeviceSignal.absent(), history("firefox", "Windows"), FIREFOX_LINUX);

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(DeviceEvaluator.DEVICE_UNKNOWN,
                DeviceEvaluator.DEVICE_OS_CHANGED);
    }

    @Test
    void changesDoNotCountForRecognisedDevice() {
        EvaluatorResult result = evaluate(valid(false), historyWithDevice(), UserAgentInfoTest.SAFARI_IPHONE);

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(DeviceEvaluator.DEVICE_KNOWN);
    }

    @Test
    void missingUserAgentIsNoChange() {
        EvaluatorResult result = evaluate(DeviceSignal.absent(), history("Chrome", "Mac OS X"), null);

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(DeviceEvaluator.DEVICE_UNKNOWN);
    }

    @Test
    void logOddsAreConfigurableAndTyposKeepDefaults() {
        Map<String, String> options = Map.of(DeviceEvaluatorFactory.FORGED_LOG_ODDS, "7.5",
                DeviceEvaluatorFactory.KNOWN_LOG_ODDS, "minus one");
        DeviceEvaluatorConfig config = DeviceEvaluatorConfig.from(new OptionReader(DeviceEvaluator.ID, options::get));

        assertThat(config.forged()).isEqualTo(7.5);
        assertThat(config.known()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_KNOWN);
        assertThat(config.unknown()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_UNKNOWN);
    }

    @Test
    void factoryIsRegistered() {
        assertThat(java.util.ServiceLoader.load(io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory.class).stream()
                .map(p -> p.get().getId())).contains(DeviceEvaluator.ID);
        assertThat(new DeviceEvaluatorFactory().create(null).id()).isEqualTo(DeviceEvaluator.ID);
    }

    private EvaluatorResult evaluate(DeviceSignal device, UserRiskProfile profile, String userAgent) {
        RiskContext context = RiskContext.builder("demo", NOW).userId("alice").device(device).profile(profile)
                .userAgent(userAgent).build();
        EvaluatorResult result = evaluator.evaluate(context);
        assertThat(result.available()).isTrue();
        assertThat(result.evaluator()).isEqualTo(DeviceEvaluator.ID);
        return result;
    }

    private static RiskReason single(EvaluatorResult result) {
        assertThat(result.reasons()).hasSize(1);
        return result.reasons().get(0);
    }

    private static DeviceSignal valid(boolean trusted) {
        return new DeviceSignal(DeviceCookieStatus.VALID, DEVICE, trusted);
    }

    private static UserRiskProfile history(String browser, String os) {
        return profile(Map.of("BBBBBBBBBBBBBBBBBBBBBB", NOW.minusSeconds(86_400)), browser, os);
    }

    private static UserRiskProfile historyWithDevice() {
        return profile(Map.of(DEVICE, NOW.minusSeconds(86_400)), "Firefox", "Windows");
    }

    private static UserRiskProfile profile(Map<String, Instant> devices, String browser, String os) {
        UserRiskProfile.LastLogin last = new UserRiskProfile.LastLogin(NOW.minusSeconds(86_400), "192.0.2.1", "DE", "Berlin",
                null, null, null, browser, os);
        return new UserRiskProfile(Map.of(), Map.of(), Map.of(), devices, last, new int[UserRiskProfile.HOURS_PER_WEEK], 3);
    }
}
