package io.zerotrust.keycloak.risk.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.ProfileLearning;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * The {@code geo} evaluator: where the sign-in comes from, compared with the user's history and the server's
 * country lists, and whether the network hides the user (VPN, Tor, proxy, hosting).
 *
 * <ul>
 * <li><b>Cold start:</b> a user with no learned login ({@link UserRiskProfile#isNew()}) gets no new/known
 *     country, city or network evidence: everything is new for them, so it would say nothing but would punish
 *     every first login. Deny and allow lists and the anonymity rules still apply.</li>
 * <li><b>No location:</b> the signal is unavailable, with the lookup's problem as the reason, so the engine
 *     applies its fallback level. Except for an internal client address (private, loopback, ...): by default
 *     that gives no evidence, because such a sign-in comes from inside the organisation's network (or from a
 *     reverse proxy that is not configured as trusted, which the GeoIP provider's log makes visible); with
 *     {@code internal-addresses=unavailable} it is treated like any other missing location.</li>
 * <li>A new country does not also count as a new city: the city is new by implication, and counting it again
 *     would overweight one fact.</li>
 * <li>{@code GEO_NEW_COUNTRY}, {@code GEO_NEW_CITY} and {@code GEO_NEW_NETWORK} belong to the
 *     {@link LocationEvidence} group with {@code IMPOSSIBLE_TRAVEL}: the engine counts the strongest of them in
 *     full and the others at {@code correlated-share} (default 0.5), each still listed with its message.</li>
 * </ul>
 */
public final class GeoEvaluator implements RiskEvaluator {

    public static final String ID = "geo";
    /** Attribute of {@code GEO_HOSTING_PROVIDER}: the {@link HostingSource#label()} that said so. */
    public static final String HOSTING_ATTRIBUTE = "hosting";

    private final GeoSettings settings;

    public GeoEvaluator(GeoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        GeoLocation location = context.location();
        if (location == null) {
            String problem = context.locationProblem();
            if (GeoLookup.isNotConfigured(problem)
                    || GeoLookup.isInternalAddressProblem(problem) && !settings.internalAddressUnavailable()) {
                return EvaluatorResult.none(ID);
            }
            return EvaluatorResult.unavailable(ID, problem != null ? problem : "no location for the client address");
        }
        Map<String, String> attributes = attributes(location);
        String place = place(location);
        List<RiskReason> reasons = new ArrayList<>();
        countryLists(location, place, attributes, reasons);
        anonymity(location, place, attributes, reasons);
        if (!context.profile().isNew()) {
            history(location, context.profile(), place, attributes, reasons);
        }
        return EvaluatorResult.of(ID, reasons);
    }

    private void countryLists(GeoLocation location, String place, Map<String, String> attributes,
                              List<RiskReason> reasons) {
        String code = location.countryCode();
        if (code != null && settings.denyCountries().contains(code)) {
            reasons.add(reason(GeoRule.COUNTRY_DENIED, "Sign-in from a country on the deny list: " + country(location),
                    attributes));
        }
        if (!settings.allowCountries().isEmpty() && (code == null || !settings.allowCountries().contains(code))) {
            String what = code == null ? "Sign-in from an unknown country (" + place + "), and only listed countries "
                    + "are allowed" : "Sign-in from a country not on the allow list: " + country(location);
            reasons.add(reason(GeoRule.COUNTRY_NOT_ALLOWED, what, attributes));
        }
    }

    private void anonymity(GeoLocation location, String place, Map<String, String> attributes,
                           List<RiskReason> reasons) {
        String network = network(location);
        String suffix = network == null ? " (" + place + ")" : " (" + network + ", " + place + ")";
        List<RiskReason> flags = new ArrayList<>();
        if (location.torExit()) {
            flags.add(reason(GeoRule.TOR_EXIT, "Sign-in through the Tor network" + suffix, attributes));
        }
        if (location.anonymousVpn()) {
            flags.add(reason(GeoRule.ANONYMOUS_VPN, "Sign-in through an anonymous VPN" + suffix, attributes));
        }
        if (location.publicProxy()) {
            flags.add(reason(GeoRule.PUBLIC_PROXY, "Sign-in through a public proxy" + suffix, attributes));
        }
        if (location.hosting()) {
            // Which source said so: the commercial database's flag, or the AS list's guess from the network's owner
            Map<String, String> hosting = new LinkedHashMap<>(attributes);
            hosting.put(HOSTING_ATTRIBUTE, location.hostingSource().label());
            String basis = location.hostingSource() == HostingSource.ASN_LIST ? "; its network is on the hosting-ASN list"
                    : "; per the Anonymous-IP database";
            flags.add(reason(GeoRule.HOSTING_PROVIDER, "Sign-in from a hosting or cloud provider network"
                    + suffix.substring(0, suffix.length() - 1) + basis + ")", hosting));
        }
        if (flags.isEmpty()) {
            return;
        }
        // The flags describe one fact (the address hides the user) and come together: a VPN exit is nearly always
        // on a hosting network. Adding them as independent evidence would overstate it, so only the strongest
        // counts; the others are still listed, at zero, to explain the verdict.
        RiskReason strongest = flags.stream().max(java.util.Comparator.comparingDouble(RiskReason::logOdds)).orElseThrow();
        for (RiskReason flag : flags) {
            reasons.add(flag == strongest ? flag
                    : new RiskReason(flag.evaluator(), flag.code(), 0.0, flag.message(), flag.attributes()));
        }
    }

    private void history(GeoLocation location, UserRiskProfile profile, String place, Map<String, String> attributes,
                         List<RiskReason> reasons) {
        String code = location.countryCode();
        if (code != null) {
            boolean knownCountry = profile.countries().containsKey(code);
            String cityKey = location.city() == null ? null : ProfileLearning.cityKey(code, location.city());
            boolean knownCity = cityKey != null && profile.cities().containsKey(cityKey);
            if (!knownCountry) {
                reasons.add(somewhereNew(GeoRule.NEW_COUNTRY, "Sign-in from a new country: " + country(location),
                        attributes));
            } else if (knownCity) {
                reasons.add(reason(GeoRule.KNOWN_CITY, "Sign-in from a familiar city: " + place, attributes));
            } else {
                if (cityKey != null) {
                    reasons.add(somewhereNew(GeoRule.NEW_CITY, "Sign-in from a new city: " + place, attributes));
                }
                reasons.add(reason(GeoRule.KNOWN_COUNTRY, "Sign-in from a familiar country: " + country(location),
                        attributes));
            }
        }
        if (location.asn() != null) {
            String network = network(location);
            if (profile.networks().containsKey(Long.toString(location.asn()))) {
                reasons.add(reason(GeoRule.KNOWN_NETWORK, "Sign-in from a familiar network: " + network, attributes));
            } else {
                reasons.add(somewhereNew(GeoRule.NEW_NETWORK, "Sign-in from a new network: " + network + " (" + place
                        + ")", attributes));
            }
        }
    }

    private RiskReason reason(GeoRule rule, String message, Map<String, String> attributes) {
        return new RiskReason(ID, rule.code(), settings.logOdds(rule), message, attributes);
    }

    /** A reason saying the user is somewhere new, correlated with the others saying so. */
    private RiskReason somewhereNew(GeoRule rule, String message, Map<String, String> attributes) {
        return reason(rule, message, attributes).correlatedIn(LocationEvidence.GROUP, settings.correlatedShare());
    }

    private static String country(GeoLocation location) {
        if (location.countryName() != null) {
            return location.countryName();
        }
        return location.countryCode() != null ? location.countryCode() : "an unknown country";
    }

    private static String place(GeoLocation location) {
        String name = location.displayName();
        return name != null ? name : "unknown place";
    }

    private static String network(GeoLocation location) {
        if (location.asn() == null) {
            return null;
        }
        return location.asOrganization() == null ? "AS" + location.asn()
                : "AS" + location.asn() + " " + location.asOrganization();
    }

    /** What themes may use to phrase the reason in their own language. */
    static Map<String, String> attributes(GeoLocation location) {
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfSet(attributes, "countryCode", location.countryCode());
        putIfSet(attributes, "country", location.countryName() != null ? location.countryName()
                : CountryNames.english(location.countryCode()));
        putIfSet(attributes, "city", location.city());
        putIfSet(attributes, "asn", location.asn() == null ? null : Long.toString(location.asn()));
        putIfSet(attributes, "asOrganization", location.asOrganization());
        return attributes;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
