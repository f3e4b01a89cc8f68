package io.zerotrust.keycloak.bench.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One run of the benchmark: generates the users, schedules attacks, and replays everything through the pack and
 * the baseline. Legitimate sign-ins of all users are replayed in time order (the baseline's global history is
 * every user's); each attack comes right after its victim's {@code history}-th login, so it is judged by what was
 * learned up to then, and it teaches nothing. For each attacker model and history length, {@code attacksPerCell}
 * victims are drawn (with replacement) among the users with at least that many logins.
 */
public final class DetectionRun {

    public static final int[] HISTORIES = {2, 12, 40};

    private final long seed;
    private final int users;
    private final int attacksPerCell;

    private final java.util.function.Supplier<PackScorer> packScorer;
    private final World.GeoIp geoIp;

    public DetectionRun(long seed, int users, int attacksPerCell) {
        this(seed, users, attacksPerCell, PackScorer::new);
    }

    /** @param packScorer makes the pack's scorer (the defaults, or the defaults without some evaluators) */
    public DetectionRun(long seed, int users, int attacksPerCell, java.util.function.Supplier<PackScorer> packScorer) {
        this(seed, users, attacksPerCell, packScorer, World.GeoIp.ANONYMOUS_IP);
    }

    /** @param geoIp which GeoIP databases answer ({@link World.GeoIp}) */
    public DetectionRun(long seed, int users, int attacksPerCell, java.util.function.Supplier<PackScorer> packScorer,
                        World.GeoIp geoIp) {
        this.geoIp = geoIp;
        this.seed = seed;
        this.users = users;
        this.attacksPerCell = attacksPerCell;
        this.packScorer = packScorer;
    }

    public List<Judged> run() {
        World world = new World(geoIp);
        List<SyntheticUser> population = new LoginHistoryGenerator(world, seed).generate(users);
        Map<LoginRecord, List<Trial>> attacksAfter = scheduleAttacks(world, population);

        List<Trial> legitimate = new ArrayList<>();
        List<LoginRecord> dataSet = new ArrayList<>();
        for (SyntheticUser user : population) {
            for (int i = 0; i < user.logins().size(); i++) {
                legitimate.add(new Trial(user.logins().get(i), null, i));
                dataSet.add(user.logins().get(i));
            }
        }
        legitimate.sort(Comparator.comparing((Trial t) -> t.login().time()).thenComparing(t -> t.login().userId()));
        List<Trial> sequence = new ArrayList<>(legitimate.size() * 2);
        for (Trial trial : legitimate) {
            sequence.add(trial);
            sequence.addAll(attacksAfter.getOrDefault(trial.login(), List.of()));
        }

        PackScorer pack = packScorer.get();
        FreemanScorer baseline = new FreemanScorer(dataSet);
        ReplayEngine engine = new ReplayEngine(List.of(pack, baseline));
        Map<LoginRecord, Trial> trialOf = new IdentityHashMap<>();
        sequence.forEach(t -> trialOf.put(t.login(), t));
        List<Judged> judged = new ArrayList<>(sequence.size());
        engine.replay(sequence.stream().map(Trial::login).toList(),
                (login, verdicts) -> judged.add(new Judged(trialOf.get(login), verdicts.get(0), verdicts.get(1))));
        if (pack.unavailableCount() > 0) {
            throw new IllegalStateException(pack.unavailableCount() + " sign-ins had an unavailable signal");
        }
        return judged;
    }

    private Map<LoginRecord, List<Trial>> scheduleAttacks(World world, List<SyntheticUser> population) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        AttackGenerator attacks = new AttackGenerator(world);
        Map<LoginRecord, List<Trial>> after = new IdentityHashMap<>();
        for (AttackerModel model : AttackerModel.values()) {
            for (int history : HISTORIES) {
                List<SyntheticUser> eligible = population.stream().filter(u -> u.logins().size() >= history).toList();
                if (eligible.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < attacksPerCell; i++) {
                    SyntheticUser victim = eligible.get(random.nextInt(eligible.size()));
                    LoginRecord attack = attacks.attack(model, victim, history, random);
                    after.computeIfAbsent(victim.logins().get(history - 1), l -> new ArrayList<>())
                            .add(new Trial(attack, model, history));
                }
            }
        }
        return after;
    }

    /** How many users have at least {@code history} logins, by history length, for the report. */
    public static Map<Integer, Long> victims(List<Judged> judged) {
        Map<Integer, Long> counts = new HashMap<>();
        Map<String, Integer> logins = new HashMap<>();
        for (Judged j : judged) {
            if (j.trial().attacker() == null) {
                logins.merge(j.trial().login().userId(), 1, Integer::sum);
            }
        }
        for (int history : HISTORIES) {
            counts.put(history, logins.values().stream().filter(n -> n >= history).count());
        }
        return counts;
    }
}
