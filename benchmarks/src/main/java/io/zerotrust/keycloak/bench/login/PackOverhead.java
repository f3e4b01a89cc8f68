package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;

/**
 * Logins per second on a server with the pack installed and enabled against the same Keycloak without the pack's
 * jar, both running side by side, and the webhook's drain lag meanwhile. On each server a realm of the same name is
 * made on Keycloak's defaults (built-in {@code browser} flow), events stored, with the same client and users; the
 * pack server's realm also sends its events to {@code zt-events} (the global {@code zt-risk-learning} hears them
 * anyway). Rounds alternate between the servers as {@link AlternatingRounds} does between flows. The pack server's
 * webhook points at {@link LagReceiver}: for the LOGIN events of its measured rounds the report gives the lag from
 * the event's time to its arrival.
 *
 * <p>Started by {@code benchmarks/pack-overhead.sh}, which starts both servers; {@code --help} lists the options.
 */
public final class PackOverhead {

    static final String USAGE = """
            Usage: PackOverhead [options]
              --base-url URL         the server with the pack (default http://127.0.0.1:8181)
              --server-pid PID       its process, for its CPU time per login (default: not measured)
              --baseline-url URL     the same Keycloak without the pack's jar (default http://127.0.0.1:8281)
              --baseline-pid PID     its process (default: not measured)
              --receiver-port P      where the pack server's webhook posts, path /ocsf (default 18691)
              --webhook-secret S     the pack server's webhook-secret, to check the signatures (required)
              --realm NAME           realm made on both servers (default zt-overhead)
              --drain-seconds S      how long to wait after the last round for the webhook's last events (default 60)
              --control true         the second server has the pack's jar too (a control run: same against same,
                                     where any ratio away from 1 is the set-up's, not the pack's; default false)
              --password-policy P    both realms' password policy, e.g. "hashAlgorithm(pbkdf2-sha256) and
                                     hashIterations(1)" to take password hashing out of the cost (default: Keycloak's)
              --warmup-seconds S     warm-up before the rounds, both servers in turn (default 30)
            and of LoginLoad: --workers, --rounds, --round-seconds, --admin-user,
              --admin-password, --forwarded-for, --user-prefix, --user-password, --ready-seconds
            """;

    /** The pack installed and enabled against no pack jar at all: the least ratio of their login rates. */
    static final double TARGET_RATIO = 0.95;
    static final String PACK = "pack";
    static final String NO_PACK = "no-pack";

    private final LoadOptions options;
    private final URI baselineUrl;
    private final long baselinePid;
    private final int receiverPort;
    private final String webhookSecret;
    private final Duration drainWait;
    private final String passwordPolicy;
    private final boolean control;
    private final PrintStream out;

    private PackOverhead(Map<String, String> values, PrintStream out) {
        this.options = LoadOptions.from(values);
        this.baselineUrl = URI.create(values.get("baseline-url").replaceAll("/+$", "") + "/");
        this.baselinePid = Long.parseLong(values.get("baseline-pid"));
        this.receiverPort = LoadOptions.positive(values, "receiver-port");
        this.webhookSecret = values.get("webhook-secret");
        this.drainWait = Duration.ofSeconds(LoadOptions.positive(values, "drain-seconds"));
        this.passwordPolicy = values.get("password-policy").trim();
        this.control = Boolean.parseBoolean(values.get("control"));
        if (webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("--webhook-secret is required: the pack server's webhook-secret");
        }
        this.out = out;
    }

    static Map<String, String> defaults() {
        Map<String, String> values = LoadOptions.defaults();
        values.put("realm", "zt-overhead");
        values.put("warmup-seconds", "30");
        values.put("baseline-url", "http://127.0.0.1:8281");
        values.put("baseline-pid", "0");
        values.put("receiver-port", "18691");
        values.put("webhook-secret", "");
        values.put("drain-seconds", "60");
        values.put("password-policy", "");
        values.put("control", "false");
        return values;
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        PackOverhead load;
        try {
            load = new PackOverhead(LoadOptions.read(args, defaults()), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(load.run());
    }

    /** 0 when every login succeeded and every LOGIN reached the webhook, 1 otherwise, 2 when not prepared. */
    int run() throws InterruptedException {
        DrainLag lag = new DrainLag();
        try (LagReceiver receiver = new LagReceiver(receiverPort, webhookSecret, options.realm(), lag)) {
            LoadTarget pack;
            LoadTarget noPack;
            try {
                pack = prepare(options.baseUrl(), options.serverPid(), PACK, List.of("jboss-logging", "zt-events"));
                noPack = prepare(baselineUrl, baselinePid, NO_PACK, List.of("jboss-logging"));
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not prepare the servers: " + e.getMessage());
                return 2;
            }
            printHeader(pack, noPack);

            List<RoundResult> results;
            AlternatingRounds rounds;
            try (RoundRunner runner = new RoundRunner(options.workers(), LoginLoad.REDIRECT_URI)) {
                rounds = new AlternatingRounds(runner, options, out, OptionalDouble.of(TARGET_RATIO));
                results = rounds.run(pack, noPack);
            }
            rounds.summarize(pack, noPack, results);
            boolean allDelivered = reportLag(lag, receiver, AlternatingRounds.measured(results, PACK));
            int failures = rounds.reportFailures(results);
            return failures == 0 && allDelivered ? 0 : 1;
        } catch (IOException e) {
            System.err.println("Could not open the webhook receiver on port " + receiverPort + ": " + e.getMessage());
            return 2;
        }
    }

    /** The realm, client and users on one server, after checking the server has (or has not) the pack. */
    private LoadTarget prepare(URI baseUrl, long pid, String label, List<String> listeners)
            throws IOException, InterruptedException {
        HttpClient http = LoginLoad.newClient();
        LoginLoad.awaitRealm(http, baseUrl.resolve("realms/master/"), "master", options.readyTimeout());
        AdminApi admin = new AdminApi(http, baseUrl, options.adminUser(), options.adminPassword());
        List<String> installed = admin.eventListenerIds();
        boolean hasPack = installed.contains("zt-events") && installed.contains("zt-risk-learning");
        boolean anyPack = installed.stream().anyMatch(id -> id.startsWith("zt-"));
        boolean wantPack = label.equals(PACK) || control;
        if (wantPack ? !hasPack : anyPack) {
            throw new IllegalStateException(baseUrl + " should run " + (wantPack ? "with" : "without")
                    + " the pack, but its event listeners are " + installed);
        }
        AdminApi.StockRealm realm = admin.prepareStockRealm(options.realm(), listeners, label, options.workers(),
                options.userPrefix(), options.userPassword(), LoginLoad.REDIRECT_URI, passwordPolicy);
        List<BrowserSession> browsers = LoginLoad.browsers(options, baseUrl.resolve("realms/" + options.realm() + "/"),
                realm.usernames());
        return new LoadTarget(label, realm.client().clientId(), baseUrl + ", event listeners " + listeners
                + (label.equals(PACK) ? " (+ global zt-risk-learning)" : ""), browsers, pid);
    }

    private void printHeader(LoadTarget pack, LoadTarget noPack) {
        out.printf(Locale.ROOT, "Login load, pack against no pack, realm %s (Keycloak's defaults: built-in browser flow,"
                + " events stored) on each server%n", options.realm());
        for (LoadTarget target : List.of(pack, noPack)) {
            out.printf(Locale.ROOT, "  %-8s client %s at %s%n", target.label(), target.clientId(), target.note());
        }
        out.printf(Locale.ROOT, "  %d concurrent browsers per server, warm-up %d s, then %d rounds of %d s per server,"
                        + " alternating; the pack server's webhook posts to 127.0.0.1:%d%s%n", options.workers(),
                options.warmup().toSeconds(), options.rounds(), options.roundLength().toSeconds(), receiverPort,
                LagReceiver.PATH);
        if (control) {
            out.printf(Locale.ROOT, "  CONTROL RUN: the %s server has the pack's jar too (its realm does not enable"
                    + " zt-events); a ratio away from 1 is the set-up's%n", NO_PACK);
        }
        out.printf(Locale.ROOT, "  password policy: %s%n", passwordPolicy.isEmpty() ? "Keycloak's default" : passwordPolicy);
        out.printf(Locale.ROOT, "  X-Forwarded-For: %s; each login: GET login page, POST password, expect a redirect with"
                + " a code%n%n", options.forwardedFor() == null ? "none" : options.forwardedFor());
    }

    /**
     * Waits until every LOGIN of the pack server's measured rounds reached the receiver (or the wait is over) and
     * prints their lag; false when some never arrived.
     */
    private boolean reportLag(DrainLag lag, LagReceiver receiver, List<RoundResult> measured)
            throws InterruptedException {
        int expected = measured.stream().mapToInt(RoundResult::successes).sum();
        long deadline = System.nanoTime() + drainWait.toNanos();
        while (lag.countWithin(measured) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling the receiver's count
        }
        long[] lags = lag.lagsWithin(measured);
        double rate = RoundResult.median(measured.stream().map(RoundResult::rate).toList());
        out.printf(Locale.ROOT, "Webhook drain lag, LOGIN event's time to its arrival, %d of the %d LOGINs of the %s"
                        + " server's measured rounds, at %.1f logins/s (median round): p50 %d ms, p99 %d ms, max %d ms"
                        + " (target p99 < 1000 ms at 100 logins/s)%n", lags.length, expected, PACK, rate,
                RoundResult.percentile(lags, 50), RoundResult.percentile(lags, 99),
                lags.length == 0 ? 0 : lags[lags.length - 1]);
        if (receiver.refused() > 0) {
            out.printf(Locale.ROOT, "  %d batches refused: their signature did not match --webhook-secret%n",
                    receiver.refused());
        }
        if (lags.length < expected) {
            out.printf(Locale.ROOT, "  MISSING: %d LOGIN events did not reach the webhook within %d s of the last round%n",
                    expected - lags.length, drainWait.toSeconds());
            return false;
        }
        return true;
    }
}
