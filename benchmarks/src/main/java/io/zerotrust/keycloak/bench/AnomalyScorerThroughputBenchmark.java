package io.zerotrust.keycloak.bench;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.AnomalyScorerProvider;
import io.zerotrust.keycloak.events.anomaly.DefaultAnomalyScorerProviderFactory;
import org.keycloak.Config;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second the default anomaly scorer takes on one core (target: over 100k/s), so that the single
 * event worker is never the bottleneck. Measured through the default provider's own entry point (the
 * {@code Observations} reading of a {@link SecurityEvent}, User-Agent family cache included, then
 * {@code AnomalyScorer.observe}) with the default settings and the scorer's heap memory (a provider created without a
 * session): the scorer's own cost. On a server its memory is Keycloak's database, read and written with each batch:
 * {@code benchmarks/outbox-drain.sh} measures that, over a pre-generated
 * stream cycled through: 5000 users with 1-3 usual addresses, networks and browsers each, where about 55% of
 * events are sign-ins (1 in 50 from a new country and network), 25% refreshes (from where the session signed
 * in), 5% logouts, 10% credential
 * failures of which most come from 3 attacking addresses, and 5% other events (code-to-token).
 *
 * <p>Cycling replays the same timestamps, so event time jumps back at each wrap; the failure windows then
 * expire nothing for a while, which if anything makes them larger and the benchmark slower.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AnomalyScorerThroughputBenchmark {

    private static final int USERS = 5_000;
    private static final int EVENTS = 200_000;
    private static final String[] AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"};
    private static final String[] COUNTRIES = {"FR", "DE", "GB", "US", "NL", "ES", "IT", "BE"};
    private static final Map<String, String> VERIFIED = Map.of("zt_risk_verified", "true");
    private static final String[] CREDENTIAL_ERRORS = {"invalid_user_credentials", "user_not_found"};

    private AnomalyScorerProvider scorer;
    private SecurityEvent[] stream;
    private int next;
    private long observed;
    private final Map<String, Long> findings = new java.util.TreeMap<>();
    private final Consumer<AnomalyFinding> counter = f -> findings.merge(f.kind().name(), 1L, Long::sum);

    @Setup(Level.Trial)
    public void setUp() {
        DefaultAnomalyScorerProviderFactory factory = new DefaultAnomalyScorerProviderFactory();
        // no such system properties: every option takes its default
        factory.init(new Config.SystemPropertiesScope("zt.bench.none."));
        scorer = factory.create(null);
        stream = generate(new Random(42));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf("%n[AnomalyScorer] %d events observed; findings by kind: %s%n", observed, findings);
    }

    @Benchmark
    public void observe() {
        scorer.observe(stream[next], counter);
        observed++;
        if (++next == stream.length) {
            next = 0;
        }
    }

    private static SecurityEvent[] generate(Random random) {
        String[][] userIps = new String[USERS][];
        long[][] userAsns = new long[USERS][];
        String[] userCountry = new String[USERS];
        String[][] userAgents = new String[USERS][];
        for (int u = 0; u < USERS; u++) {
            int places = 1 + random.nextInt(3);
            userIps[u] = new String[places];
            userAsns[u] = new long[places];
            for (int p = 0; p < places; p++) {
                userIps[u][p] = "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
                userAsns[u][p] = 64_500 + random.nextInt(400);
            }
            userCountry[u] = COUNTRIES[random.nextInt(COUNTRIES.length)];
            int agents = 1 + random.nextInt(2);
            userAgents[u] = new String[agents];
            for (int a = 0; a < agents; a++) {
                userAgents[u][a] = AGENTS[random.nextInt(AGENTS.length)];
            }
        }
        String[] attackers = {"192.0.2.10", "192.0.2.77", "192.0.2.200"};
        // a session's later events come from where it signed in
        String[] sessions = new String[USERS];
        String[] sessionIp = new String[USERS];
        long[] sessionAsn = new long[USERS];
        String[] sessionCountry = new String[USERS];
        SecurityEvent[] events = new SecurityEvent[EVENTS];
        long time = 1_780_000_000_000L;
        for (int i = 0; i < EVENTS; i++) {
            time += 5 + random.nextInt(20); // about 80 events a second
            int u = random.nextInt(USERS);
            String userId = "user-" + u;
            int place = random.nextInt(userIps[u].length);
            SecurityEvent.Builder b = SecurityEvent.builder().id("ev-" + i).time(time).realmId("realm-corp")
                    .realmName("corp").origin(SecurityEvent.Origin.USER).clientId("portal").details(Map.of());
            int roll = random.nextInt(100);
            if (roll < 55 || sessions[u] == null) {
                sessions[u] = "sess-" + u + "-" + i;
                // assessed and verified sign-ins, as from a flow with zt-risk-assessment: the scorer learns them
                b.type("LOGIN").userId(userId).username("u" + u).sessionId(sessions[u]).details(VERIFIED)
                        .userAgent(userAgents[u][random.nextInt(userAgents[u].length)]);
                if (random.nextInt(50) == 0) {
                    sessionIp[u] = "203.0.113." + random.nextInt(256);
                    sessionAsn[u] = 65_000L + random.nextInt(500);
                    sessionCountry[u] = "BR";
                } else {
                    sessionIp[u] = userIps[u][place];
                    sessionAsn[u] = userAsns[u][place];
                    sessionCountry[u] = userCountry[u];
                }
                b.ip(sessionIp[u]).asn(sessionAsn[u]).country(sessionCountry[u]);
            } else if (roll < 80) {
                b.type("REFRESH_TOKEN").userId(userId).sessionId(sessions[u]).ip(sessionIp[u])
                        .asn(sessionAsn[u]).country(sessionCountry[u]);
            } else if (roll < 85) {
                b.type("LOGOUT").userId(userId).sessionId(sessions[u]).ip(sessionIp[u])
                        .asn(sessionAsn[u]).country(sessionCountry[u]);
                sessions[u] = null;
            } else if (roll < 95) {
                boolean attack = random.nextInt(10) < 7;
                String error = CREDENTIAL_ERRORS[random.nextInt(CREDENTIAL_ERRORS.length)];
                b.type("LOGIN_ERROR").error(error).username("user-" + random.nextInt(USERS * 2))
                        .userId("user_not_found".equals(error) ? null : userId);
                if (attack) {
                    b.ip(attackers[random.nextInt(attackers.length)]).asn(64_999L).country("NL");
                } else {
                    b.ip(userIps[u][place]).asn(userAsns[u][place]).country(userCountry[u]);
                }
            } else {
                b.type("CODE_TO_TOKEN").userId(userId).sessionId(sessions[u]).ip(sessionIp[u])
                        .asn(sessionAsn[u]).country(sessionCountry[u]);
            }
            events[i] = b.build();
        }
        return events;
    }
}
