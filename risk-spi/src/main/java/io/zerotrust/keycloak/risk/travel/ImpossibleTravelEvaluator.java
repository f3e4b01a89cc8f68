package io.zerotrust.keycloak.risk.travel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.geo.CountryNames;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.geo.LocationEvidence;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * The {@code impossible-travel} evaluator: could the user have got from the place of their last successful
 * login to here in the time since?
 *
 * <p>The distance is the great-circle distance minus both accuracy radii (never below zero): GeoIP coordinates
 * are only the centre of an area, and only a distance no position within the two areas can explain is counted.
 * Divided by the time since the last login it gives a speed; above {@code max-speed-kmh} the sign-in gets
 * {@value #CODE}. A remaining distance with no time elapsed (or a last login apparently in the future, from
 * clock skew between nodes) counts as infinitely fast.
 *
 * <p><b>Imprecise places.</b> GeoIP places some addresses far from their user: a mobile carrier's (carrier-grade
 * NAT pools, roaming traffic that leaves the home network) and a hosting or VPN network's (the place is the exit's,
 * not the user's). When this sign-in's address is flagged hosting, anonymous VPN, Tor or public proxy, its network
 * is in {@code mobile-asns}, or either end's accuracy radius is at least {@code imprecise-radius-km}, the distance
 * says little about a journey: the reason keeps its code but weighs {@code imprecise-log-odds} (default +1.5
 * instead of +5.0), with attribute {@code geolocation=imprecise} and why in its message. The anonymity of such an
 * address is judged by {@code geo} ({@code GEO_ANONYMOUS_VPN}, ...). Only this sign-in's own address and the
 * user's own last login decide it, so no one can weaken the rule for another user.
 *
 * <p><b>Correlated.</b> {@value #CODE} belongs to the {@link LocationEvidence} group: beside a stronger new
 * country, city or network it counts at {@code correlated-share}, and it counts in full beside weaker ones.
 *
 * <p>Cold start: without a last login, or without coordinates for it or for this sign-in, there is nothing to
 * compare, so there is no evidence (not an unavailable signal: nothing is broken). Only a missing location for
 * this sign-in makes the signal unavailable.
 */
public final class ImpossibleTravelEvaluator implements RiskEvaluator {

    public static final String ID = "impossible-travel";
    public static final String CODE = "IMPOSSIBLE_TRAVEL";
    /** Attribute {@code geolocation}: {@code imprecise} when an end is located too roughly to judge fully. */
    public static final String GEOLOCATION = "geolocation";
    public static final String IMPRECISE = "imprecise";

    private final TravelSettings settings;

    public ImpossibleTravelEvaluator(TravelSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        GeoLocation here = context.location();
        if (here == null) {
            String problem = context.locationProblem();
            // Geolocation off, or an address inside the network: nothing to measure a distance from
            if (GeoLookup.isNotConfigured(problem) || GeoLookup.isInternalAddressProblem(problem)) {
                return EvaluatorResult.none(ID);
            }
            return EvaluatorResult.unavailable(ID, problem != null ? problem : "no location for the client address");
        }
        UserRiskProfile.LastLogin last = context.profile().last();
        if (last == null || last.latitude() == null || last.longitude() == null || !here.hasCoordinates()) {
            return EvaluatorResult.none(ID);
        }
        double distance = GreatCircle.distanceKm(last.latitude(), last.longitude(), here.latitude(), here.longitude());
        double uncertainty = radius(last.accuracyRadiusKm()) + radius(here.accuracyRadiusKm());
        double unexplained = Math.max(0.0, distance - uncertainty);
        if (unexplained == 0.0) {
            return EvaluatorResult.none(ID);
        }
        Duration elapsed = Duration.between(last.time(), context.now());
        double hours = elapsed.toMillis() / 3_600_000.0;
        double speed = hours > 0 ? unexplained / hours : Double.POSITIVE_INFINITY;
        if (speed <= settings.maxSpeedKmh()) {
            return EvaluatorResult.none(ID);
        }
        String from = place(last.city(), last.countryCode());
        String to = here.displayName() != null ? here.displayName() : "an unknown place";
        // the speed shown is the lower bound (after the accuracy radii), the one the rule judged
        String message = String.format(Locale.ROOT, "Impossible travel from %s to %s: %,.0f km %s", from, to, distance,
                hours > 0 ? String.format(Locale.ROOT, "in %s (at least %,.0f km/h)", duration(elapsed), speed)
                        : "at the same time");
        Map<String, String> attributes = attributes(last, here, distance, speed, elapsed);
        String imprecise = imprecision(last, here);
        double logOdds = settings.logOdds();
        if (imprecise != null) {
            message += "; judged weakly, " + imprecise;
            attributes.put(GEOLOCATION, IMPRECISE);
            logOdds = settings.impreciseLogOdds();
        }
        return EvaluatorResult.of(ID, List.of(new RiskReason(ID, CODE, logOdds, message, attributes)
                .correlatedIn(LocationEvidence.GROUP, settings.correlatedShare())));
    }

    /** Why an end of the journey is located too roughly for the distance to prove it, or null when neither is. */
    private String imprecision(UserRiskProfile.LastLogin last, GeoLocation here) {
        if (here.anonymousVpn() || here.hosting() || here.torExit() || here.publicProxy()) {
            return "the address is a hosting, VPN or proxy exit, located where the exit is";
        }
        if (here.asn() != null && settings.mobileAsns().contains(here.asn())) {
            return "the address is on mobile network AS" + here.asn() + ", which GeoIP places roughly";
        }
        int threshold = settings.impreciseRadiusKm();
        if (here.accuracyRadiusKm() != null && here.accuracyRadiusKm() >= threshold) {
            return "the address is located only within " + here.accuracyRadiusKm() + " km";
        }
        if (last.accuracyRadiusKm() != null && last.accuracyRadiusKm() >= threshold) {
            return "the last sign-in was located only within " + last.accuracyRadiusKm() + " km";
        }
        return null;
    }

    private static double radius(Integer km) {
        return km == null ? 0.0 : Math.max(0, km);
    }

    private static String place(String city, String countryCode) {
        String country = CountryNames.english(countryCode);
        if (city != null && country != null) {
            return city + ", " + country;
        }
        if (city != null || country != null) {
            return city != null ? city : country;
        }
        return "an unknown place";
    }

    /** "3 h 5 min", "45 min", "2 d 4 h": precise enough for a person, stable for tests. */
    static String duration(Duration elapsed) {
        long minutes = Math.max(0, elapsed.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    private static Map<String, String> attributes(UserRiskProfile.LastLogin last, GeoLocation here, double distance,
                                                  double speed, Duration elapsed) {
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfSet(attributes, "countryCode", here.countryCode());
        putIfSet(attributes, "country", here.countryName() != null ? here.countryName()
                : CountryNames.english(here.countryCode()));
        putIfSet(attributes, "city", here.city());
        putIfSet(attributes, "fromCountryCode", last.countryCode());
        putIfSet(attributes, "fromCountry", CountryNames.english(last.countryCode()));
        putIfSet(attributes, "fromCity", last.city());
        attributes.put("distanceKm", Long.toString(Math.round(distance)));
        attributes.put("speedKmh", Double.isInfinite(speed) ? "infinite" : Long.toString(Math.round(speed)));
        attributes.put("elapsedMinutes", Long.toString(Math.max(0, elapsed.toMinutes())));
        return attributes;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
