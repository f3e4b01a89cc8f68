package io.zerotrust.keycloak.bench.login;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options of {@link LoginLoad}: {@code --name value} or {@code --name=value}. */
record LoadOptions(URI baseUrl, String realm, int workers, int rounds, Duration roundLength, Duration warmup,
                   String adminUser, String adminPassword, String forwardedFor, String userPrefix,
                   String userPassword, Duration readyTimeout, long serverPid) {

    static final String USAGE = """
            Usage: LoginLoad [options]
              --base-url URL         Keycloak's base URL (default http://127.0.0.1:8181)
              --realm NAME           realm whose browser flow is the adaptive one (default zero-trust-demo)
              --workers N            concurrent simulated browsers, one user each (default 4)
              --rounds N             measured rounds per flow, interleaved (default 8)
              --round-seconds S      length of one round (default 10)
              --warmup-seconds S     warm-up before the rounds, both flows in turn (default 240: until then the
                                     JIT compiler still works on the adaptive flow's code, and the ratio shows that)
              --admin-user NAME      master-realm admin (default admin)
              --admin-password PW    its password (default admin)
              --forwarded-for IP     X-Forwarded-For sent with every login, or 'none' (default 192.0.2.10,
                                     Berlin in the demo's GeoIP data; the demo trusts it from 127.0.0.1)
              --user-prefix P        load users are P1..PN, created if missing (default zt-load-)
              --ready-seconds S      how long to wait for the realm to answer (default 120)
              --server-pid PID       the server's process (or a parent, e.g. the script that started it): also
                                     report the server's CPU time per login, the flows' cost without the noise
                                     of other processes (default: not measured)
            """;

    static LoadOptions parse(String[] args) {
        return from(read(args, defaults()));
    }

    /** The options' names with their defaults, in the order of {@link #USAGE}. */
    static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("base-url", "http://127.0.0.1:8181");
        values.put("realm", "zero-trust-demo");
        values.put("workers", "4");
        values.put("rounds", "8");
        values.put("round-seconds", "10");
        values.put("warmup-seconds", "240");
        values.put("admin-user", "admin");
        values.put("admin-password", "admin");
        values.put("forwarded-for", "192.0.2.10");
        values.put("user-prefix", "zt-load-");
        values.put("user-password", "Zt-Load-Password-1");
        values.put("ready-seconds", "120");
        values.put("server-pid", "0");
        return values;
    }

    /** The values of {@code args} over the {@code defaults}; an option not among the defaults is an error. */
    static Map<String, String> read(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            values.put(name, value);
        }
        return values;
    }

    /** The load's options from values {@link #read} returned. */
    static LoadOptions from(Map<String, String> values) {
        String base = values.get("base-url").replaceAll("/+$", "");
        String forwarded = values.get("forwarded-for");
        return new LoadOptions(URI.create(base + "/"), values.get("realm"),
                positive(values, "workers"), positive(values, "rounds"),
                Duration.ofSeconds(positive(values, "round-seconds")),
                Duration.ofSeconds(Integer.parseInt(values.get("warmup-seconds"))),
                values.get("admin-user"), values.get("admin-password"),
                forwarded.isBlank() || forwarded.equals("none") ? null : forwarded,
                values.get("user-prefix"), values.get("user-password"),
                Duration.ofSeconds(positive(values, "ready-seconds")),
                Long.parseLong(values.get("server-pid")));
    }

    static int positive(Map<String, String> values, String name) {
        int value;
        try {
            value = Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + values.get(name));
        }
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive, got " + value);
        }
        return value;
    }

    URI realmUrl() {
        return baseUrl.resolve("realms/" + realm + "/");
    }
}
