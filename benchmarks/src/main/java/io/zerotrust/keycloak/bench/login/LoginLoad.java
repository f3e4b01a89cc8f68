package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Logins per second through the realm's adaptive browser flow against Keycloak's stock {@code browser} flow, on
 * the same server in one run. Two otherwise identical clients select the flow; rounds of the two alternate
 * (A B B A A B ..., after a warm-up of both), each with the same concurrent simulated browsers, and the result is
 * the median rate per flow and their ratio. Every login is a full browser-style password login that must end in
 * a redirect with an authorization code; any other ending is a failure, reported, and the exit status is then 1.
 *
 * <p>Started by {@code benchmarks/login-load.sh}, which also starts the demo server; {@code --help} lists the
 * options.
 */
public final class LoginLoad {

    /** Adaptive flow against Keycloak's stock flow on the same server: the least ratio of their login rates. */
    static final double TARGET_RATIO = 0.97;
    static final String REDIRECT_URI = "http://127.0.0.1/zt-load/callback";

    private final LoadOptions options;
    private final PrintStream out;

    LoginLoad(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new LoginLoad(options, System.out).run());
    }

    /** Runs the load; 0 when every login succeeded, 1 when any failed, 2 when the server could not be prepared. */
    int run() throws InterruptedException {
        HttpClient admin = newClient();
        AdminApi.Setup setup;
        try {
            awaitRealm(admin, options.realmUrl(), options.realm(), options.readyTimeout());
            setup = new AdminApi(admin, options.baseUrl(), options.adminUser(), options.adminPassword())
                    .prepare(options.realm(), options.workers(), options.userPrefix(), options.userPassword(), REDIRECT_URI);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not prepare the server: " + e.getMessage());
            return 2;
        }

        // The same browsers sign in through both clients: one server, one realm
        List<BrowserSession> browsers = browsers(options, options.realmUrl(), setup.usernames());
        LoadTarget adaptive = target(setup.adaptive(), browsers, options.serverPid());
        LoadTarget stock = target(setup.stock(), browsers, options.serverPid());
        printHeader(setup);

        List<RoundResult> results;
        AlternatingRounds rounds;
        try (RoundRunner runner = new RoundRunner(browsers.size(), REDIRECT_URI)) {
            rounds = new AlternatingRounds(runner, options, out, OptionalDouble.of(TARGET_RATIO));
            results = rounds.run(adaptive, stock);
        }
        rounds.summarize(adaptive, stock, results);
        long withDevice = browsers.stream().filter(BrowserSession::hasDeviceCookie).count();
        out.printf(Locale.ROOT, "Device cookie %s held by %d of %d browsers%n", BrowserSession.DEVICE_COOKIE,
                withDevice, browsers.size());
        return rounds.reportFailures(results);
    }

    /** One simulated browser per user, signing in to the realm at {@code realmUrl}. */
    static List<BrowserSession> browsers(LoadOptions options, URI realmUrl, List<String> usernames) {
        List<BrowserSession> browsers = new ArrayList<>();
        for (String username : usernames) {
            browsers.add(new BrowserSession(newClient(), realmUrl, username, options.userPassword(),
                    options.forwardedFor()));
        }
        return browsers;
    }

    static LoadTarget target(AdminApi.Target client, List<BrowserSession> browsers, long serverPid) {
        return new LoadTarget(client.label(), client.clientId(),
                "browser flow '" + client.flowAlias() + "' (" + client.flowNote() + ")", browsers, serverPid);
    }

    private void printHeader(AdminApi.Setup setup) {
        out.printf(Locale.ROOT, "Login load against %s, realm %s%n", options.baseUrl(), options.realm());
        for (AdminApi.Target target : List.of(setup.adaptive(), setup.stock())) {
            out.printf(Locale.ROOT, "  %-8s client %-17s -> browser flow '%s' (%s)%n", target.label(), target.clientId(),
                    target.flowAlias(), target.flowNote());
        }
        out.printf(Locale.ROOT, "  %d concurrent browsers (users %s..%s), warm-up %d s, then %d rounds of %d s per flow,"
                        + " alternating%n", options.workers(), setup.usernames().get(0),
                setup.usernames().get(setup.usernames().size() - 1), options.warmup().toSeconds(), options.rounds(),
                options.roundLength().toSeconds());
        out.printf(Locale.ROOT, "  X-Forwarded-For: %s; each login: GET login page, POST password, expect a redirect with"
                + " a code; cookies but %s dropped between logins%n%n",
                options.forwardedFor() == null ? "none" : options.forwardedFor(), BrowserSession.DEVICE_COOKIE);
    }

    /** Waits until the realm's discovery document answers, i.e. the server is up and the realm imported. */
    static void awaitRealm(HttpClient http, URI realmUrl, String realm, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(realmUrl.resolve(".well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IOException("realm " + realm + " did not answer at " + realmUrl + " within "
                + timeout.toSeconds() + " s (" + last + ")");
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
