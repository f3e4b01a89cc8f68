package io.zerotrust.keycloak.bench.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Makes the sign-in of an attacker of a given {@link AttackerModel} against a victim, some time after the
 * victim's {@code history}-th login: between 10 minutes and 7 days later, log-uniformly (a leak is used soon or
 * late). Naive and VPN attackers' browsers run a release up to a year old. Attacks never teach.
 */
public final class AttackGenerator {

    private static final double MIN_GAP_MINUTES = 10;
    private static final double MAX_GAP_MINUTES = 7 * 24 * 60;
    /** Of VPN attackers, those on a commercial VPN exit rather than a hosting network. */
    private static final double VPN_EXIT = 0.70;

    private final World world;
    private int attacks;

    public AttackGenerator(World world) {
        this.world = world;
    }

    /**
     * @param history how many of the victim's logins happened before the attack (at least 1)
     */
    public LoginRecord attack(AttackerModel model, SyntheticUser victim, int history, Random random) {
        LoginRecord last = victim.logins().get(history - 1);
        double gap = Math.exp(Math.log(MIN_GAP_MINUTES) + random.nextDouble() * Math.log(MAX_GAP_MINUTES / MIN_GAP_MINUTES));
        Instant time = last.time().plus(Duration.ofSeconds((long) (gap * 60)));
        String device = "attacker-" + attacks++;
        return switch (model) {
            case NAIVE -> {
                City city = world.anyCity(random);
                Network.Kind[] kinds = {Network.Kind.RESIDENTIAL, Network.Kind.MOBILE, Network.Kind.BUSINESS, Network.Kind.HOSTING};
                Network network = world.network(city.countryCode(), kinds[random.nextInt(kinds.length)], random);
                yield new LoginRecord(victim.id(), time, network.address(random.nextInt(65536)), world.locate(network, city),
                        randomBrowser(random).userAgent(time), null, device, false);
            }
            case VPN -> {
                String country = victim.home().countryCode();
                Network network = world.network(country, random.nextDouble() < VPN_EXIT ? Network.Kind.VPN : Network.Kind.HOSTING, random);
                yield new LoginRecord(victim.id(), time, network.address(random.nextInt(65536)),
                        world.locate(network, world.hub(country)), randomBrowser(random).userAgent(time), null, device, false);
            }
            case TARGETED -> {
                long day = Math.floorDiv(Duration.between(Device.EPOCH, time).toMinutes() + victim.habit().utcOffsetMinutes(), 24 * 60);
                Instant usual = victim.habit().timeOn(day, random);
                if (!usual.isAfter(last.time())) {
                    usual = victim.habit().timeOn(day + 1, random);
                }
                Network network = victim.homeNetwork();
                yield new LoginRecord(victim.id(), usual, network.address(random.nextInt(65536)),
                        world.locate(network, victim.home()), victim.primary().upToDate().userAgent(usual), null, device, false);
            }
        };
    }

    private static Device randomBrowser(Random random) {
        Device typical = Device.typical(random);
        return new Device(typical.platform(), typical.browser(), random.nextInt(365));
    }
}
