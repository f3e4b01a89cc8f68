package io.zerotrust.keycloak.bench.detection;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.device.UserAgentInfo;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * Prototype (issue 12 item 4): per-user frequencies of the address prefix, ASN and browser and OS versions,
 * smoothed against the population, as a Freeman-style likelihood ratio p(value | population) / p(value | user).
 *
 * <p>Each {@link Feature} is a value within a context the user may already know: the /24 (IPv4) or /48 (IPv6)
 * within its ASN, the ASN alone, the browser version within its family, the OS version within its family. For a
 * context the user has never been seen in, a feature says nothing (the pack's novelty reasons cover it). Otherwise
 * the user's model of the context is: a new value with probability q, else one of their past values by its share;
 * q is the user's own rate of new values in the context, smoothed towards the population's rate for that context
 * (a carrier hands out a new block every time, home broadband rarely). A value new to the user thus weighs
 * {@code log(1/q)}; a known one {@code log(p_pop / ((1 - q) share))}, where p_pop is the value's smoothed share of
 * the population's sign-ins in the context. The sum over the features is the log-odds of one reason.
 */
public final class SmoothedFrequencies {

    /** What is counted. */
    public enum Feature {
        PREFIX, ASN, BROWSER_VERSION, OS_VERSION
    }

    /** Strength of the population's new-value rate as a prior on a user's own, in sign-ins. */
    static final double PRIOR_LOGINS = 2.0;

    private final Set<Feature> features;
    /** Population: per context, value counts; per context, new-for-the-user counts among known-context logins. */
    private final Map<String, Counts> population = new HashMap<>();
    private final Map<String, Map<String, Counts>> users = new HashMap<>();

    public SmoothedFrequencies(Set<Feature> features) {
        this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    }

    /** Counts of one context: its values, and how many later sign-ins in it brought a value new to its user. */
    private static final class Counts {
        final Map<String, Integer> values = new HashMap<>();
        int total;
        int repeatLogins;
        int newValues;
    }

    /** The summed log-ratio for a sign-in by {@code userId}, from what was learned before it. */
    public double logOdds(String userId, String ip, GeoLocation location, String userAgent) {
        Map<String, Counts> user = users.getOrDefault(userId, Map.of());
        double sum = 0;
        for (String[] cv : observations(ip, location, userAgent)) {
            Counts mine = user.get(cv[0]);
            if (mine == null) {
                continue;
            }
            Counts all = population.get(cv[0]);
            double populationRate = (all.newValues + 1.0) / (all.repeatLogins + 2.0);
            double q = (mine.newValues + PRIOR_LOGINS * populationRate) / (mine.repeatLogins + PRIOR_LOGINS);
            int seen = mine.values.getOrDefault(cv[1], 0);
            if (seen == 0) {
                sum += -Math.log(q);
            } else {
                double pPopulation = (all.values.getOrDefault(cv[1], 0) + 1.0) / (all.total + all.values.size() + 1.0);
                sum += Math.log(pPopulation / ((1 - q) * seen / mine.total));
            }
        }
        return sum;
    }

    /** Learns a verified sign-in. */
    public void learn(String userId, String ip, GeoLocation location, String userAgent) {
        Map<String, Counts> user = users.computeIfAbsent(userId, u -> new HashMap<>());
        for (String[] cv : observations(ip, location, userAgent)) {
            Counts mine = user.computeIfAbsent(cv[0], c -> new Counts());
            Counts all = population.computeIfAbsent(cv[0], c -> new Counts());
            if (mine.total > 0) {
                boolean fresh = !mine.values.containsKey(cv[1]);
                mine.repeatLogins++;
                all.repeatLogins++;
                if (fresh) {
                    mine.newValues++;
                    all.newValues++;
                }
            }
            mine.values.merge(cv[1], 1, Integer::sum);
            mine.total++;
            all.values.merge(cv[1], 1, Integer::sum);
            all.total++;
        }
    }

    /** Context and value of each enabled feature the sign-in has. */
    private java.util.List<String[]> observations(String ip, GeoLocation location, String userAgent) {
        java.util.List<String[]> out = new java.util.ArrayList<>(4);
        Long asn = location == null ? null : location.asn();
        if (asn != null && features.contains(Feature.PREFIX)) {
            String prefix = prefix(ip);
            if (prefix != null) {
                out.add(new String[] {"prefix@" + asn, prefix});
            }
        }
        if (asn != null && features.contains(Feature.ASN)) {
            out.add(new String[] {"asn", Long.toString(asn)});
        }
        if (features.contains(Feature.BROWSER_VERSION) || features.contains(Feature.OS_VERSION)) {
            UserAgentInfo agent = UserAgentInfo.parse(userAgent, Map.of());
            if (agent.browserFamily() != null && agent.browserVersion() != null && features.contains(Feature.BROWSER_VERSION)) {
                out.add(new String[] {"browser@" + agent.browserFamily(), agent.browserVersion().toString()});
            }
            if (agent.osFamily() != null && agent.osVersion() != null && features.contains(Feature.OS_VERSION)) {
                out.add(new String[] {"os@" + agent.osFamily(), agent.osVersion().toString()});
            }
        }
        return out;
    }

    /** The /24 of an IPv4 address, the /48 of an IPv6 one, or null. */
    static String prefix(String ip) {
        IpAddress address = IpAddress.parseClient(ip);
        if (address == null) {
            return null;
        }
        byte[] bytes = address.bytes();
        int length = address.isIpv4() ? 3 : 6;
        StringBuilder text = new StringBuilder(address.isIpv4() ? "v4:" : "v6:");
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ".").append(bytes[i] & 0xff);
        }
        return text.toString();
    }
}
