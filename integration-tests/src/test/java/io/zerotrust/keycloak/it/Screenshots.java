package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.htmlunit.html.HtmlPage;
import org.jboss.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Screenshots of the user-facing pages the tests meet, under {@code target/screenshots/}, for people to read.
 * The tests drive HtmlUnit (it can send X-Forwarded-For), which cannot draw; so each page, exactly as the server
 * sent it, is drawn again in headless Chromium with its styles and fonts loaded from the server. Without a chromedriver
 * (env CHROMEWEBDRIVER, or /usr/bin/chromedriver) only the HTML is saved, and the log says so once.
 */
final class Screenshots {

    static final Path DIR = Path.of("target", "screenshots").toAbsolutePath();

    private static final Logger LOG = Logger.getLogger(Screenshots.class);
    private static ChromeDriver chrome;
    private static boolean unavailable;

    private Screenshots() {
    }

    /** Saves the page as {@code name}.html and, where Chromium is available, {@code name}.png. */
    static void take(HtmlPage page, String name) {
        take(page.getWebResponse().getContentAsString(StandardCharsets.UTF_8), name);
    }

    /** Saves markup the server sent (a page, or an SVG picture) as {@code name}.html and, with Chromium, {@code name}.png. */
    static synchronized void take(String html, String name) {
        try {
            Files.createDirectories(DIR);
            // Absolute paths such as /resources/... must resolve against the server, not the file system
            String based = html.replaceFirst("(?i)<head>", "<head><base href=\"" + BrowserBehindProxy.BASE + "/\">");
            Path file = DIR.resolve(name + ".html");
            Files.writeString(file, based, StandardCharsets.UTF_8);
            ChromeDriver driver = chrome();
            if (driver != null) {
                draw(driver, html);
                Files.write(DIR.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WebDriverException e) {
            // A drawing problem is no verdict on the page under test; the HTML is saved either way
            LOG.warnf(e, "Screenshot %s could not be drawn in Chromium; %s.html is saved", name, name);
        }
    }

    /**
     * Writes the page into a document of the server's own origin: its icon fonts need CORS, which a file page's
     * null origin never passes. Waits for the fonts before the picture is taken.
     */
    private static void draw(ChromeDriver driver, String html) {
        driver.get(BrowserBehindProxy.BASE + "/realms/master/");
        driver.executeScript("document.open(); document.write(arguments[0]); document.close();", html);
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " document.fonts.ready.then(() => setTimeout(done, 300));");
    }

    private static ChromeDriver chrome() {
        if (chrome != null || unavailable) {
            return chrome;
        }
        Path driver = chromedriver();
        if (driver == null) {
            unavailable = true;
            LOG.warnf("No chromedriver (set CHROMEWEBDRIVER): screenshots are saved as HTML only, in %s", DIR);
            return null;
        }
        chrome = new ChromeDriver(chromiumOptions(driver));
        chrome.manage().window().setSize(new Dimension(1280, 1400));
        Runtime.getRuntime().addShutdownHook(new Thread(chrome::quit, "screenshots-chrome-quit"));
        return chrome;
    }

    /**
     * Headless Chromium as the tests run it, in English and fit for containers, driven by {@code chromedriver}
     * (which this also points Selenium at).
     */
    static ChromeOptions chromiumOptions(Path chromedriver) {
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en");
        return options;
    }

    /** The chromedriver to use: env CHROMEWEBDRIVER (the file or its directory), else Debian's; null when none. */
    static Path chromedriver() {
        String env = System.getenv("CHROMEWEBDRIVER");
        if (env != null && !env.isBlank()) {
            Path path = Path.of(env);
            Path candidate = Files.isDirectory(path) ? path.resolve(isWindows() ? "chromedriver.exe" : "chromedriver") : path;
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/chromedriver");
        return Files.isExecutable(debian) ? debian : null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
