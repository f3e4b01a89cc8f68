package io.zerotrust.keycloak.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Ordered steps of a journey in real Chromium, one named browser per person: skipped, saying why, where no
 * chromedriver is found; later steps build on earlier ones, so after a failed step the rest are skipped rather than
 * failing confusingly, and each browser's page is dumped ({@code <prefix>-failed-<step>-<browser>}).
 */
final class ChromiumSteps implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    private final String prefix;
    private final String purpose;
    private final String[] names;
    private final Map<String, ChromiumBehindProxy> browsers = new LinkedHashMap<>();
    private boolean failed;

    /** @param purpose what needs Chromium, for the skip's reason (e.g. "the console journey") */
    ChromiumSteps(String prefix, String purpose, String... names) {
        this.prefix = prefix;
        this.purpose = purpose;
        this.names = names.clone();
    }

    ChromiumBehindProxy browser(String name) {
        ChromiumBehindProxy browser = browsers.get(name);
        if (browser == null) {
            throw new IllegalArgumentException("no browser " + name);
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path chromedriver = Screenshots.chromedriver();
        Assumptions.assumeTrue(chromedriver != null, "No chromedriver (env CHROMEWEBDRIVER, or Debian's "
                + "/usr/bin/chromedriver): " + purpose + " needs real Chromium and is skipped");
        for (String name : names) {
            browsers.put(name, new ChromiumBehindProxy(chromedriver));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browsers.values().forEach(ChromiumBehindProxy::close);
        browsers.clear();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeFalse(failed, "an earlier step failed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
        String step = context.getRequiredTestMethod().getName();
        browsers.forEach((name, browser) -> browser.dump(prefix + "-failed-" + step + "-" + name));
    }
}
