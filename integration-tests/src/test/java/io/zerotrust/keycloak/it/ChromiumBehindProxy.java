package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium whose requests reach Keycloak through the trusted proxy at 127.0.0.1 with a chosen client
 * address in X-Forwarded-For (set through the DevTools protocol, as a header-setting extension would), for the
 * journeys through the JavaScript consoles that HtmlUnit cannot run. Its cookies persist across sign-ins, like one
 * device's browser. The server trusts the header from 127.0.0.1 only ({@link ZeroTrustServerConfig}), hence the
 * numeric address rather than localhost.
 */
final class ChromiumBehindProxy implements AutoCloseable {

    static final String BASE = "http://127.0.0.1:8080";

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ChromiumBehindProxy(Path chromedriver) {
        driver = new ChromeDriver(Screenshots.chromiumOptions(chromedriver));
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Network.enable", Map.of());
        // The consoles load their scripts lazily; 2 shared cores can be slow
        wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
    }

    /** Later requests come from this address; null sends none (the browser's own address, 127.0.0.1). */
    ChromiumBehindProxy from(String clientAddress) {
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", clientAddress == null ? Map.of() : Map.of("X-Forwarded-For", clientAddress)));
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** The element once it is displayed. */
    WebElement shown(By by) {
        return wait.until(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element : null;
        });
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Clicks the element once it is clickable; a console toast in the way is closed first. */
    void click(By by) {
        wait.until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException e) {
                closeToasts();
                return false;
            }
        });
    }

    /**
     * Opens a menu and clicks one of its items. A click on a toggle that the console is re-rendering at that moment
     * may be lost, so the toggle is clicked again when the item does not show.
     */
    void choose(By toggle, By item) {
        wait.until(d -> {
            click(toggle);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(x -> !x.findElements(item).isEmpty()
                        && x.findElement(item).isDisplayed());
            } catch (org.openqa.selenium.TimeoutException e) {
                return false;
            }
            click(item);
            return true;
        });
    }

    /** Replaces the text of an input (React forms see real key presses). */
    void type(By by, String text) {
        WebElement input = shown(by);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /**
     * The consoles' success toasts sit top right, over the action menus and the pictures; close them rather than
     * wait them out (by script: a modal's backdrop would take a real click).
     */
    void closeToasts() {
        driver.executeScript("document.querySelectorAll('.pf-v5-c-alert-group .pf-v5-c-alert__action button')"
                + ".forEach(b => b.click());");
    }

    /** Scrolls the element to the middle of the window, for a picture of it. */
    void scrollTo(By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", shown(by));
    }

    /** Saves what the window shows as {@code name}.png under {@link Screenshots#DIR}, once the fonts are in. */
    void screenshot(String name) {
        closeToasts();
        wait.until(d -> d.findElements(By.cssSelector(".pf-v5-c-alert-group .pf-v5-c-alert")).isEmpty());
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());");
        try {
            Files.createDirectories(Screenshots.DIR);
            Files.write(Screenshots.DIR.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the window shows and the page's HTML, as {@code name}.png and .html, for a failed step; never throws. */
    void dump(String name) {
        try {
            Files.createDirectories(Screenshots.DIR);
            Files.write(Screenshots.DIR.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(Screenshots.DIR.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // a dump is a courtesy; the failure itself is what counts
        }
    }

    /** Opens the realm's account console, which sends the browser to the sign-in page, and submits the password. */
    void signIn(String realm, String username, String password) {
        driver.get(accountUrl(realm));
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("kc-login"));
    }

    static String accountUrl(String realm) {
        return BASE + "/realms/" + realm + "/account/";
    }

    /** Waits for the account console (its user menu) and returns true, or for the page that came instead. */
    boolean inAccountConsole() {
        By userMenu = By.cssSelector("[data-testid='options-toggle']");
        wait.until(d -> present(userMenu) || present(By.id("otp")) || present(By.id("zt-trust-yes"))
                || present(By.id("zt-reference")) || present(By.id("kc-accept")));
        return present(userMenu);
    }

    /** Signs out through the account console's user menu; ends on the sign-in page, keeping the device cookie. */
    void signOutOfAccountConsole() {
        choose(By.cssSelector("[data-testid='options-toggle']"), By.xpath("//*[@role='menuitem'][normalize-space(.)='Sign out']"));
        shown(By.id("username"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
