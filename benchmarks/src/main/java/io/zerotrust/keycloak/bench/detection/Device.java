package io.zerotrust.keycloak.bench.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A browser on a platform, whose versions move on as releases come out: Chrome and Edge take a new major version
 * every 28 days from 132 on {@link #EPOCH}, Firefox from 134, Safari (and iOS with it) a new minor version every
 * 60 days from 18.2. The device updates {@code lagDays} after a release. User-Agent strings are those the real
 * browsers send (Chrome's reduced form: {@code Chrome/<major>.0.0.0}, Android always {@code Android 10; K}).
 *
 * @param platform operating system and form factor
 * @param browser  browser family
 * @param lagDays  how long after a release the device runs it
 */
public record Device(Platform platform, Browser browser, int lagDays) {

    /** Day 0 of the benchmark's calendar, a Monday. */
    public static final Instant EPOCH = Instant.parse("2025-01-06T00:00:00Z");

    /** Operating system and form factor. */
    public enum Platform {
        WINDOWS(false), MAC(false), LINUX(false), ANDROID(true), IPHONE(true), IPAD(true);

        private final boolean mobile;

        Platform(boolean mobile) {
            this.mobile = mobile;
        }

        public boolean mobile() {
            return mobile;
        }
    }

    /** Browser family. */
    public enum Browser {
        CHROME, EDGE, FIREFOX, SAFARI
    }

    /** A browser and platform drawn the way a population uses them: desktops 60%, phones 35%, tablets 5%. */
    public static Device typical(Random random) {
        double kind = random.nextDouble();
        if (kind < 0.60) {
            return desktop(random);
        }
        return kind < 0.95 ? phone(random) : new Device(Platform.IPAD, Browser.SAFARI, lag(random));
    }

    /** Windows 75% (Chrome, Edge, Firefox), Mac 21% (Safari, Chrome, Firefox), Linux 4% (Firefox, Chrome). */
    public static Device desktop(Random random) {
        double os = random.nextDouble();
        double b = random.nextDouble();
        if (os < 0.75) {
            return new Device(Platform.WINDOWS, b < 0.65 ? Browser.CHROME : b < 0.85 ? Browser.EDGE : Browser.FIREFOX, lag(random));
        }
        if (os < 0.96) {
            return new Device(Platform.MAC, b < 0.50 ? Browser.SAFARI : b < 0.90 ? Browser.CHROME : Browser.FIREFOX, lag(random));
        }
        return new Device(Platform.LINUX, b < 0.60 ? Browser.FIREFOX : Browser.CHROME, lag(random));
    }

    /** Android with Chrome 55%, iPhone with Safari 45%. */
    public static Device phone(Random random) {
        return random.nextDouble() < 0.55 ? new Device(Platform.ANDROID, Browser.CHROME, lag(random))
                : new Device(Platform.IPHONE, Browser.SAFARI, lag(random));
    }

    private static int lag(Random random) {
        return random.nextInt(15);
    }

    /** The same browser and platform running the newest release (what an attacker installs). */
    public Device upToDate() {
        return new Device(platform, browser, 0);
    }

    /** The User-Agent header this device sends at {@code time}. */
    public String userAgent(Instant time) {
        long day = Duration.between(EPOCH, time).toDays() - lagDays;
        int chrome = 132 + (int) Math.floorDiv(day, 28);
        int firefox = 134 + (int) Math.floorDiv(day, 28);
        int apple = 2 + (int) Math.max(0, Math.floorDiv(day, 60));
        String safari = "18." + apple;
        String ios = "18_" + apple;
        String webkit = "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome + ".0.0.0";
        return switch (platform) {
            case WINDOWS -> switch (browser) {
                case FIREFOX -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + firefox + ".0) Gecko/20100101 Firefox/" + firefox + ".0";
                case EDGE -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) " + webkit + " Safari/537.36 Edg/" + chrome + ".0.0.0";
                default -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) " + webkit + " Safari/537.36";
            };
            case MAC -> switch (browser) {
                case SAFARI -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                        + safari + " Safari/605.1.15";
                case FIREFOX -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:" + firefox + ".0) Gecko/20100101 Firefox/" + firefox + ".0";
                default -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) " + webkit + " Safari/537.36";
            };
            case LINUX -> browser == Browser.FIREFOX
                    ? "Mozilla/5.0 (X11; Linux x86_64; rv:" + firefox + ".0) Gecko/20100101 Firefox/" + firefox + ".0"
                    : "Mozilla/5.0 (X11; Linux x86_64) " + webkit + " Safari/537.36";
            case ANDROID -> "Mozilla/5.0 (Linux; Android 10; K) " + webkit + " Mobile Safari/537.36";
            case IPHONE -> "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                    + safari + " Mobile/15E148 Safari/604.1";
            case IPAD -> "Mozilla/5.0 (iPad; CPU OS " + ios + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                    + safari + " Mobile/15E148 Safari/604.1";
        };
    }
}
