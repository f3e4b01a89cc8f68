package io.zerotrust.keycloak.bench.detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.HostingSource;

/**
 * The benchmark's small, made-up world: 32 cities in 18 countries and the networks in them, and what a GeoIP
 * City + ASN + Anonymous-IP database would answer for an address of each. Every country has two residential
 * ISPs, a mobile carrier, a business network (offices, hotels) and a hosting provider; two commercial VPN providers
 * have an exit in every country. AS numbers are private-use (64512 and up), address prefixes are synthetic /16s
 * and say nothing about real allocations.
 *
 * <p>Placement: residential and business addresses in their own city (accuracy radius 20 and 10 km), mobile
 * addresses at the country's first city (its hub, radius 500 km, as carrier-grade NAT pools are geolocated),
 * hosting and VPN addresses at the hub (radius 100 km).
 *
 * <p>What the GeoIP databases know of the anonymity of a network is chosen by {@link GeoIp}: with the commercial
 * Anonymous-IP database (the default), with only free City + ASN databases, or with those and the shipped hosting-ASN
 * list, which holds the hosting and VPN providers' networks as it holds real ones (clouds, and the hosting networks
 * VPN exits run on).
 */
public final class World {

    /** Which GeoIP databases answer, and so which anonymity flags an address gets. */
    public enum GeoIp {
        /** City + ASN + Anonymous-IP: VPN exits flagged anonymous VPN and hosting, hosting networks hosting. */
        ANONYMOUS_IP("City + ASN + Anonymous-IP"),
        /** City + ASN only: no anonymity flag at all. */
        CITY_ASN("City + ASN, no hosting-ASN list"),
        /** City + ASN with the hosting-ASN list: VPN and hosting networks hosting (by their AS), none anonymous VPN. */
        CITY_ASN_HOSTING_LIST("City + ASN + hosting-ASN list");

        private final String description;

        GeoIp(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Two VPN providers, each with an exit in every country. */
    public static final int VPN_PROVIDERS = 2;

    private final List<City> cities = List.of(
            city("Berlin", "DE", "Germany", 52.520, 13.405, 60, 10),
            city("Munich", "DE", "Germany", 48.137, 11.575, 60, 6),
            city("Hamburg", "DE", "Germany", 53.551, 9.994, 60, 5),
            city("Cologne", "DE", "Germany", 50.938, 6.960, 60, 4),
            city("Paris", "FR", "France", 48.857, 2.352, 60, 7),
            city("Lyon", "FR", "France", 45.764, 4.836, 60, 3),
            city("Marseille", "FR", "France", 43.297, 5.370, 60, 2),
            city("London", "GB", "United Kingdom", 51.507, -0.128, 0, 7),
            city("Manchester", "GB", "United Kingdom", 53.481, -2.243, 0, 3),
            city("Amsterdam", "NL", "Netherlands", 52.368, 4.904, 60, 4),
            city("Madrid", "ES", "Spain", 40.417, -3.704, 60, 4),
            city("Barcelona", "ES", "Spain", 41.385, 2.173, 60, 3),
            city("Rome", "IT", "Italy", 41.903, 12.496, 60, 3),
            city("Milan", "IT", "Italy", 45.464, 9.190, 60, 3),
            city("Warsaw", "PL", "Poland", 52.230, 21.012, 60, 3),
            city("Stockholm", "SE", "Sweden", 59.329, 18.069, 60, 2),
            city("New York", "US", "United States", 40.713, -74.006, -300, 6),
            city("Chicago", "US", "United States", 41.878, -87.630, -360, 3),
            city("San Francisco", "US", "United States", 37.775, -122.419, -480, 3),
            city("Seattle", "US", "United States", 47.606, -122.332, -480, 2),
            city("Austin", "US", "United States", 30.267, -97.743, -360, 2),
            city("Toronto", "CA", "Canada", 43.653, -79.383, -300, 2),
            city("Sao Paulo", "BR", "Brazil", -23.551, -46.633, -180, 2),
            city("Bengaluru", "IN", "India", 12.972, 77.595, 330, 3),
            city("Mumbai", "IN", "India", 19.076, 72.878, 330, 2),
            city("Tokyo", "JP", "Japan", 35.690, 139.692, 540, 2),
            city("Osaka", "JP", "Japan", 34.694, 135.502, 540, 1),
            city("Singapore", "SG", "Singapore", 1.352, 103.820, 480, 1),
            city("Sydney", "AU", "Australia", -33.869, 151.209, 600, 1),
            city("Johannesburg", "ZA", "South Africa", -26.204, 28.047, 120, 1),
            city("Lagos", "NG", "Nigeria", 6.524, 3.379, 60, 1),
            city("Moscow", "RU", "Russia", 55.756, 37.617, 180, 1));

    private final Map<String, List<City>> citiesByCountry = new LinkedHashMap<>();
    private final Map<String, Map<Network.Kind, List<Network>>> networksByCountry = new LinkedHashMap<>();
    private final List<Network> networks = new ArrayList<>();
    private final int totalWeight;
    private final GeoIp geoIp;

    /** The world as a City + ASN + Anonymous-IP database sees it. */
    public World() {
        this(GeoIp.ANONYMOUS_IP);
    }

    public World(GeoIp geoIp) {
        this.geoIp = geoIp;
        int weight = 0;
        for (City city : cities) {
            citiesByCountry.computeIfAbsent(city.countryCode(), c -> new ArrayList<>()).add(city);
            weight += city.weight();
        }
        totalWeight = weight;
        long asn = 64512;
        for (String country : citiesByCountry.keySet()) {
            add(new Network(asn++, country + " Broadband", country, Network.Kind.RESIDENTIAL, prefix()));
            add(new Network(asn++, country + " Cable", country, Network.Kind.RESIDENTIAL, prefix()));
            add(new Network(asn++, country + " Mobile", country, Network.Kind.MOBILE, prefix()));
            add(new Network(asn++, country + " Business Net", country, Network.Kind.BUSINESS, prefix()));
            add(new Network(asn++, country + " Cloud Hosting", country, Network.Kind.HOSTING, prefix()));
        }
        for (int provider = 0; provider < VPN_PROVIDERS; provider++) {
            long vpnAsn = asn++;
            for (String country : citiesByCountry.keySet()) {
                add(new Network(vpnAsn, "VPN Provider " + (char) ('A' + provider), country, Network.Kind.VPN, prefix()));
            }
        }
    }

    private static City city(String name, String code, String country, double lat, double lon, int offset, int weight) {
        return new City(name, code, country, lat, lon, offset, weight);
    }

    private String prefix() {
        int index = networks.size();
        return (24 + index / 256) + "." + index % 256;
    }

    private void add(Network network) {
        networks.add(network);
        networksByCountry.computeIfAbsent(network.countryCode(), c -> new LinkedHashMap<>())
                .computeIfAbsent(network.kind(), k -> new ArrayList<>()).add(network);
    }

    public List<City> cities() {
        return cities;
    }

    public List<String> countries() {
        return List.copyOf(citiesByCountry.keySet());
    }

    public List<City> citiesOf(String countryCode) {
        return citiesByCountry.get(countryCode);
    }

    /** The country's first city, where mobile, hosting and VPN addresses are placed. */
    public City hub(String countryCode) {
        return citiesByCountry.get(countryCode).get(0);
    }

    public List<Network> networks(String countryCode, Network.Kind kind) {
        return networksByCountry.get(countryCode).getOrDefault(kind, List.of());
    }

    /** A city drawn by its share of users. */
    public City weightedCity(Random random) {
        int pick = random.nextInt(totalWeight);
        for (City city : cities) {
            pick -= city.weight();
            if (pick < 0) {
                return city;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** Any city, each as likely as the next (an attacker picking a place). */
    public City anyCity(Random random) {
        return cities.get(random.nextInt(cities.size()));
    }

    /** A network of the given kind in the country, drawn uniformly. */
    public Network network(String countryCode, Network.Kind kind, Random random) {
        List<Network> candidates = networks(countryCode, kind);
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** What GeoIP answers for an address of {@code network} used in {@code city} (see the class comment). */
    public GeoLocation locate(Network network, City city) {
        City placed = switch (network.kind()) {
            case RESIDENTIAL, BUSINESS -> city;
            case MOBILE, HOSTING, VPN -> hub(network.countryCode());
        };
        int radius = switch (network.kind()) {
            case RESIDENTIAL -> 20;
            case BUSINESS -> 10;
            case MOBILE -> 500;
            case HOSTING, VPN -> 100;
        };
        boolean vpnExit = network.kind() == Network.Kind.VPN;
        boolean hostingNetwork = vpnExit || network.kind() == Network.Kind.HOSTING;
        boolean vpn = geoIp == GeoIp.ANONYMOUS_IP && vpnExit;
        HostingSource hosting = !hostingNetwork || geoIp == GeoIp.CITY_ASN ? null
                : geoIp == GeoIp.ANONYMOUS_IP ? HostingSource.ANONYMOUS_IP_DATABASE : HostingSource.ASN_LIST;
        return new GeoLocation(placed.countryCode(), placed.countryName(), placed.name(), placed.latitude(),
                placed.longitude(), radius, network.asn(), network.organization(), vpn, hosting != null, false, false,
                hosting);
    }
}
