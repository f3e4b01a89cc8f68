package io.zerotrust.keycloak.bench.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.travel.GreatCircle;

/**
 * Generates users and their legitimate sign-ins from a seed: the same seed gives the same histories. Shaped after
 * what Wiefling et al. (ACM TOPS 2022) describe of their RBA data set; every number below is an assumption of this
 * benchmark, not a measurement.
 *
 * <ul>
 * <li><b>Login counts</b> are heavy-tailed: log-normal with median {@value #MEDIAN_LOGINS} and sigma
 *     {@value #LOGIN_SIGMA}, between 1 and {@value #MAX_LOGINS}, spread over {@value #DAYS} days.</li>
 * <li><b>Home</b>: a city of the {@link World} drawn by its share of users, a residential ISP there; 40% of users
 *     work in an office whose network (the country's business network) they use from desktops on weekdays
 *     09:00-17:00 local.</li>
 * <li><b>Devices</b>: a first device ({@link Device#typical}); half the users have a second one of the other kind
 *     (phone beside a desktop, desktop beside a phone or tablet), used for 35% of logins. Versions drift with
 *     releases ({@link Device}). At each login, with probability {@value #NEW_DEVICE}, the device used is
 *     replaced by a new one of the same kind (a new phone, a reinstalled laptop).</li>
 * <li><b>Networks</b>: phones at home are on the carrier 40% of the time, else on home Wi-Fi; the home address
 *     changes with probability {@value #HOME_ADDRESS_CHANGE} per login (DHCP); carrier addresses change every
 *     login.</li>
 * <li><b>Travel</b>: 35% of users travel, one trip per 40 days on average (Poisson), 2-8 days, 40% abroad (any
 *     city of another country), else to another city at home. Away, desktops use the business network there
 *     (hotels), phones the local carrier or hotel Wi-Fi, except that a phone abroad keeps roaming on its home
 *     carrier half the time (and is located at home, as roaming traffic is). No one moves faster than
 *     {@value #MAX_TRAVEL_KMH} km/h: a login planned at the destination too soon after the last one happens where
 *     the user still is.</li>
 * <li><b>VPN users</b>: 5% of users sign in through a commercial VPN for half of their logins, with an exit in
 *     their own country (60%) or a fixed other one.</li>
 * <li><b>Device cookie</b>: kept by the browser, except that before a login it is cleared with probability
 *     {@value #COOKIE_CLEARED} (the sign-in then issues a new one, kept afterwards) and a login happens in a
 *     private window with probability {@value #PRIVATE_WINDOW} (a cookie is issued and lost again).</li>
 * <li><b>Hour of week</b>: each user's {@link Habit}.</li>
 * </ul>
 */
public final class LoginHistoryGenerator {

    public static final int DAYS = 120;
    public static final double MEDIAN_LOGINS = 8;
    public static final double LOGIN_SIGMA = 1.2;
    public static final int MAX_LOGINS = 400;
    public static final double OFFICE_WORKERS = 0.40;
    public static final double SECOND_DEVICE = 0.50;
    public static final double SECOND_DEVICE_USE = 0.35;
    public static final double NEW_DEVICE = 0.01;
    public static final double PHONE_ON_CARRIER = 0.40;
    public static final double HOME_ADDRESS_CHANGE = 0.08;
    public static final double TRAVELLERS = 0.35;
    public static final double TRIP_EVERY_DAYS = 40;
    public static final double TRIP_ABROAD = 0.40;
    public static final double ROAMING = 0.50;
    public static final double MAX_TRAVEL_KMH = 800;
    public static final double VPN_USERS = 0.05;
    public static final double VPN_LOGINS = 0.50;
    public static final double VPN_OWN_COUNTRY = 0.60;
    public static final double COOKIE_CLEARED = 0.03;
    public static final double PRIVATE_WINDOW = 0.02;

    private final World world;
    private final long seed;

    public LoginHistoryGenerator(World world, long seed) {
        this.world = world;
        this.seed = seed;
    }

    public List<SyntheticUser> generate(int users) {
        List<SyntheticUser> generated = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            generated.add(user(i, new Random(seed * 0x9E3779B97F4A7C15L + i)));
        }
        return generated;
    }

    private record Trip(Instant start, Instant end, City city) {
    }

    /** A device as the user has it now, with its cookie. */
    private static final class Held {
        Device device;
        String cookie;

        Held(Device device) {
            this.device = device;
        }
    }

    private SyntheticUser user(int index, Random random) {
        String id = "user-" + index;
        City home = world.weightedCity(random);
        Network homeNetwork = world.network(home.countryCode(), Network.Kind.RESIDENTIAL, random);
        Network office = random.nextDouble() < OFFICE_WORKERS
                ? world.network(home.countryCode(), Network.Kind.BUSINESS, random) : null;
        Device first = Device.typical(random);
        List<Held> devices = new ArrayList<>();
        devices.add(new Held(first));
        if (random.nextDouble() < SECOND_DEVICE) {
            devices.add(new Held(first.platform().mobile() ? Device.desktop(random) : Device.phone(random)));
        }
        Habit habit = Habit.draw(home, random);
        List<Trip> trips = random.nextDouble() < TRAVELLERS ? trips(home, habit, random) : List.of();
        Network vpn = null;
        if (random.nextDouble() < VPN_USERS) {
            String country = random.nextDouble() < VPN_OWN_COUNTRY ? home.countryCode() : otherCountry(home, random);
            List<Network> exits = world.networks(country, Network.Kind.VPN);
            vpn = exits.get(random.nextInt(exits.size()));
        }

        List<Instant> times = loginTimes(habit, random);
        List<LoginRecord> logins = new ArrayList<>(times.size());
        int homeHost = random.nextInt(65536);
        int officeHost = random.nextInt(65536);
        int issued = 0;
        City where = home;
        Instant lastTime = null;
        for (Instant time : times) {
            City planned = home;
            for (Trip trip : trips) {
                if (!time.isBefore(trip.start()) && time.isBefore(trip.end())) {
                    planned = trip.city();
                }
            }
            if (planned != where && (lastTime == null || reachable(where, planned, lastTime, time))) {
                where = planned;
            }
            lastTime = time;
            Held held = devices.size() > 1 && random.nextDouble() < SECOND_DEVICE_USE ? devices.get(1) : devices.get(0);
            if (random.nextDouble() < NEW_DEVICE) {
                held.device = held.device.platform().mobile() ? Device.phone(random) : Device.desktop(random);
                held.cookie = null;
            }
            if (random.nextDouble() < HOME_ADDRESS_CHANGE) {
                homeHost = random.nextInt(65536);
            }
            Network network;
            City city = where;
            String ip;
            boolean away = where != home;
            boolean abroad = !where.countryCode().equals(home.countryCode());
            if (vpn != null && random.nextDouble() < VPN_LOGINS) {
                network = vpn;
                ip = network.address(random.nextInt(256));
            } else if (held.device.platform().mobile()) {
                if (abroad && random.nextDouble() < ROAMING) {
                    network = world.network(home.countryCode(), Network.Kind.MOBILE, random);
                } else if (away) {
                    network = world.network(where.countryCode(),
                            random.nextDouble() < 0.5 ? Network.Kind.MOBILE : Network.Kind.BUSINESS, random);
                } else {
                    network = random.nextDouble() < PHONE_ON_CARRIER
                            ? world.network(home.countryCode(), Network.Kind.MOBILE, random) : homeNetwork;
                }
                ip = network == homeNetwork ? network.address(homeHost) : network.address(random.nextInt(65536));
            } else if (away) {
                network = world.network(where.countryCode(), Network.Kind.BUSINESS, random);
                ip = network.address(random.nextInt(65536));
            } else if (office != null && atWork(habit, time)) {
                network = office;
                ip = network.address(officeHost);
            } else {
                network = homeNetwork;
                ip = network.address(homeHost);
            }
            GeoLocation location = world.locate(network, city);

            String presented;
            String issuedNow = null;
            if (random.nextDouble() < PRIVATE_WINDOW) {
                presented = null;
                issuedNow = id + "-d" + issued++;
            } else if (held.cookie == null || random.nextDouble() < COOKIE_CLEARED) {
                presented = null;
                issuedNow = id + "-d" + issued++;
                held.cookie = issuedNow;
            } else {
                presented = held.cookie;
            }
            logins.add(new LoginRecord(id, time, ip, location, held.device.userAgent(time), presented, issuedNow, true));
        }
        return new SyntheticUser(id, home, homeNetwork, first, habit, logins);
    }

    private List<Instant> loginTimes(Habit habit, Random random) {
        long count = Math.round(Math.exp(Math.log(MEDIAN_LOGINS) + LOGIN_SIGMA * random.nextGaussian()));
        int n = (int) Math.max(1, Math.min(MAX_LOGINS, count));
        List<Instant> times = new ArrayList<>(n);
        while (times.size() < n) {
            long day = random.nextInt(DAYS);
            if (habit.keepsDay(day, random)) {
                times.add(habit.timeOn(day, random));
            }
        }
        times.sort(null);
        return times;
    }

    private List<Trip> trips(City home, Habit habit, Random random) {
        List<Trip> trips = new ArrayList<>();
        double mean = DAYS / TRIP_EVERY_DAYS;
        // Poisson by inversion: few trips, no need for anything faster
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        while (product > limit) {
            int length = 2 + random.nextInt(7);
            long startDay = random.nextInt(DAYS);
            Instant start = Device.EPOCH.plus(Duration.ofDays(startDay)).minus(Duration.ofMinutes(habit.utcOffsetMinutes()));
            City destination;
            List<City> domestic = world.citiesOf(home.countryCode()).stream().filter(c -> c != home).toList();
            if (random.nextDouble() < TRIP_ABROAD || domestic.isEmpty()) {
                List<City> foreign = world.citiesOf(otherCountry(home, random));
                destination = foreign.get(random.nextInt(foreign.size()));
            } else {
                destination = domestic.get(random.nextInt(domestic.size()));
            }
            trips.add(new Trip(start, start.plus(Duration.ofDays(length)), destination));
            product *= random.nextDouble();
        }
        return trips;
    }

    private String otherCountry(City home, Random random) {
        List<String> others = world.countries().stream().filter(c -> !c.equals(home.countryCode())).toList();
        return others.get(random.nextInt(others.size()));
    }

    private static boolean reachable(City from, City to, Instant since, Instant at) {
        double km = GreatCircle.distanceKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        double hours = Duration.between(since, at).toMinutes() / 60.0;
        return hours > 0 && km / hours <= MAX_TRAVEL_KMH;
    }

    private static boolean atWork(Habit habit, Instant time) {
        long localMinute = Duration.between(Device.EPOCH, time).toMinutes() + habit.utcOffsetMinutes();
        long day = Math.floorDiv(localMinute, 24 * 60);
        long minuteOfDay = Math.floorMod(localMinute, 24 * 60);
        return Math.floorMod(day, 7) < 5 && minuteOfDay >= 9 * 60 && minuteOfDay < 17 * 60;
    }
}
