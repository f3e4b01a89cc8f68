package io.zerotrust.keycloak.bench.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;

/** What a history does not let the replay judge, as sentences for the report. */
final class Unjudged {

    /** Recorded reasons of evaluators the replay does not run: what they need is in no event. */
    private static final List<String> NOT_REPLAYED_PREFIXES = List.of("POSTURE_", "ANOMALY_", "DEVICE_POSTURE");

    private Unjudged() {
    }

    static List<String> lines(RealmHistory history) {
        List<RecordedSignIn> signIns = history.signIns();
        int total = signIns.size();
        long noLocation = signIns.stream().filter(s -> s.login().location() == null).count();
        long noCoordinates = signIns.stream().filter(s -> s.login().location() == null
                || !s.login().location().hasCoordinates()).count();
        long noAsn = signIns.stream().filter(s -> s.login().location() == null || s.login().location().asn() == null).count();
        long noAgent = signIns.stream().filter(s -> s.login().userAgent() == null).count();
        long noDevice = signIns.stream().filter(s -> s.deviceStatus() == DeviceCookieStatus.ABSENT).count();
        long noVerdict = signIns.stream().filter(s -> !s.refused() && !s.verdictRecorded()).count();
        long noLevel = signIns.stream().filter(s -> s.recordedLevel() == null).count();
        long travel = signIns.stream().filter(s -> s.recordedReasons().contains("IMPOSSIBLE_TRAVEL")).count();
        Map<String, Integer> notReplayed = new TreeMap<>();
        signIns.forEach(s -> s.recordedReasons().stream()
                .filter(code -> NOT_REPLAYED_PREFIXES.stream().anyMatch(code::startsWith))
                .forEach(code -> notReplayed.merge(code, 1, Integer::sum)));

        List<String> lines = new ArrayList<>();
        if (noLocation > 0) {
            lines.add(share(noLocation, total) + " without a GeoIP answer (country, city, network): `geo`, "
                    + "`impossible-travel` and `address-block` gave them no evidence, as on a server without a GeoIP database"
                    + (history.format().equals(HistoryFormat.ADMIN_EVENTS.label())
                    ? " (Keycloak's stored events carry none; the zt-events export does)" : "") + ".");
        }
        if (noCoordinates > 0) {
            lines.add(share(noCoordinates, total) + " without coordinates: `impossible-travel` was not judged "
                    + "(an export written before zt-events carried latitude/longitude, or GeoIP without coordinates); the server recorded "
                    + "IMPOSSIBLE_TRAVEL on " + travel + ".");
        }
        if (noAsn > noLocation) {
            lines.add(share(noAsn - noLocation, total) + " located but without a network (ASN): no "
                    + "GEO_NEW_NETWORK / GEO_KNOWN_NETWORK, no `address-block` evidence, and no `login-failures` network count.");
        }
        if (noAgent > 0) {
            lines.add(share(noAgent, total) + " without a User-Agent: no DEVICE_BROWSER_CHANGED / DEVICE_OS_CHANGED, "
                    + "and no browser or OS learned.");
        }
        if (noDevice > 0) {
            lines.add(share(noDevice, total) + " without a device id: judged as a browser without a device cookie "
                    + "(DEVICE_UNKNOWN).");
        }
        if (noVerdict > 0) {
            lines.add(share(noVerdict, total) + " LOGIN without `zt_risk_verified` (no assessment in their flow, or an "
                    + "export without it): they teach a setting set only where it judges them LOW.");
        }
        if (noLevel > 0) {
            lines.add(share(noLevel, total) + " without a recorded level: not in the recorded column's prompts.");
        }
        lines.add("Anonymity flags (VPN, hosting, Tor, proxy) are taken from the recorded reasons (GEO_ANONYMOUS_VPN, "
                + "...); a device's trust and a cookie's forgery, expiry or owner likewise (DEVICE_TRUSTED, "
                + "DEVICE_COOKIE_*). `device-posture` and `anomaly-mark` are not replayed (no event carries a posture "
                + "assertion or a mark)" + (notReplayed.isEmpty() ? "." : "; the server recorded " + notReplayed + "."));
        lines.add("`login-failures` counts the " + history.failures().size() + " credential failures of the history "
                + "(as the server recorded them) before each sign-in; `ip-reputation` lists only as given with --set.");
        return lines;
    }

    private static String share(long count, int total) {
        return String.format(Locale.ROOT, "%d of %d sign-ins", count, total);
    }
}
