package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;

/**
 * Logins per second on two Keycloak nodes of one cluster, both with the pack, against the first node alone, in one
 * run. The realm is made through the first node (Keycloak's defaults: built-in {@code browser} flow, events stored,
 * {@code zt-events} enabled; the pack's global {@code zt-risk-learning} learns every login); rounds alternate between
 * all browsers on node 1 and half of them on each node (a load balancer with sticky sessions), the same number of
 * concurrent browsers either way, as {@link AlternatingRounds} does.
 *
 * <p>Started by {@code benchmarks/cluster-load.sh}, which starts both nodes on one PostgreSQL database;
 * {@code --help} lists the options.
 */
public final class ClusterLoad {

    static final String USAGE = """
            Usage: ClusterLoad [options]
              --base-url URL         node 1 (default http://127.0.0.1:8181)
              --server-pid PID       its process, for its CPU time per login (default: not measured)
              --second-url URL       node 2 (default http://127.0.0.1:8282)
              --second-pid PID       its process (default: not measured)
              --realm NAME           realm made through node 1 (default zt-cluster-load)
              --warmup-seconds S     warm-up before the rounds (default 30)
            and of LoginLoad: --workers (even), --rounds, --round-seconds, --admin-user,
              --admin-password, --forwarded-for, --user-prefix, --user-password, --ready-seconds
            """;

    static final String ONE = "1-node";
    static final String TWO = "2-nodes";

    private final LoadOptions options;
    private final URI secondUrl;
    private final long secondPid;
    private final PrintStream out;

    private ClusterLoad(Map<String, String> values, PrintStream out) {
        this.options = LoadOptions.from(values);
        this.secondUrl = URI.create(values.get("second-url").replaceAll("/+$", "") + "/");
        this.secondPid = Long.parseLong(values.get("second-pid"));
        if (options.workers() % 2 != 0) {
            throw new IllegalArgumentException("--workers must be even: half of them sign in on each node");
        }
        this.out = out;
    }

    static Map<String, String> defaults() {
        Map<String, String> values = LoadOptions.defaults();
        values.put("realm", "zt-cluster-load");
        values.put("warmup-seconds", "30");
        values.put("second-url", "http://127.0.0.1:8282");
        values.put("second-pid", "0");
        return values;
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        ClusterLoad load;
        try {
            load = new ClusterLoad(LoadOptions.read(args, defaults()), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(load.run());
    }

    /** 0 when every login succeeded, 1 otherwise, 2 when the cluster could not be prepared. */
    int run() throws InterruptedException {
        LoadTarget one;
        LoadTarget two;
        try {
            HttpClient http = LoginLoad.newClient();
            URI first = URI.create(options.baseUrl().toString().replaceAll("/+$", "") + "/");
            LoginLoad.awaitRealm(http, first.resolve("realms/master/"), "master", options.readyTimeout());
            AdminApi.StockRealm realm = new AdminApi(http, first, options.adminUser(), options.adminPassword())
                    .prepareStockRealm(options.realm(), List.of("jboss-logging", "zt-events"), ONE, options.workers(),
                            options.userPrefix(), options.userPassword(), LoginLoad.REDIRECT_URI, "");
            URI realmOnFirst = first.resolve("realms/" + options.realm() + "/");
            URI realmOnSecond = secondUrl.resolve("realms/" + options.realm() + "/");
            // the realm was made through node 1: node 2 knows it from the shared database
            LoginLoad.awaitRealm(http, realmOnSecond, options.realm(), options.readyTimeout());
            List<String> users = realm.usernames();
            int half = users.size() / 2;
            List<BrowserSession> split = new ArrayList<>(LoginLoad.browsers(options, realmOnFirst, users.subList(0, half)));
            split.addAll(LoginLoad.browsers(options, realmOnSecond, users.subList(half, users.size())));
            String clientId = realm.client().clientId();
            one = new LoadTarget(ONE, clientId, first + " only", LoginLoad.browsers(options, realmOnFirst, users),
                    List.of(options.serverPid()));
            two = new LoadTarget(TWO, clientId, first + " and " + secondUrl + ", half the browsers each", split,
                    List.of(options.serverPid(), secondPid));
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not prepare the cluster: " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "Login load, two cluster nodes against one, realm %s (Keycloak's defaults: built-in"
                + " browser flow, events stored, zt-events)%n", options.realm());
        for (LoadTarget target : List.of(one, two)) {
            out.printf(Locale.ROOT, "  %-8s %s%n", target.label(), target.note());
        }
        out.printf(Locale.ROOT, "  %d concurrent browsers either way, warm-up %d s, then %d rounds of %d s each,"
                        + " alternating; X-Forwarded-For %s%n%n", options.workers(), options.warmup().toSeconds(),
                options.rounds(), options.roundLength().toSeconds(),
                options.forwardedFor() == null ? "none" : options.forwardedFor());
        List<RoundResult> results;
        AlternatingRounds rounds;
        try (RoundRunner runner = new RoundRunner(options.workers(), LoginLoad.REDIRECT_URI)) {
            rounds = new AlternatingRounds(runner, options, out, OptionalDouble.empty());
            results = rounds.run(two, one);
        }
        rounds.summarize(two, one, results);
        return rounds.reportFailures(results);
    }
}
