package io.zerotrust.keycloak.bench.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.zerotrust.keycloak.bench.login.ServerCpu;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.outbox.OutboxCodec;

/**
 * How fast one Keycloak node drains its outbox to a sink (the webhook or Kafka): writes a backlog of realistic LOGIN
 * events straight into {@code ZT_EVENT_OUTBOX} of the running server's database (H2 in mixed mode, one transaction
 * per round), and times from its commit until the sink's far end here ({@link Arrivals}: a webhook receiver, or a
 * consumer of the topic) has every one of them. The server's own drainer does all the rest as in production:
 * reading, mapping to OCSF, signing or producing, marking taken, deleting. Rounds of the same size, after warm-up
 * rounds of that size that are not counted (the server's JIT compiles the drain path in the first ones); the figure
 * is the median rate.
 *
 * <p>Started by {@code benchmarks/outbox-drain.sh}, which starts the demo server with the sink pointed here.
 * Arguments: {@code <jdbc url> <user> <password> <sink> <events per round> <rounds> <warm-up rounds> [server pid]},
 * the sink as {@code webhook:<receiver port>} or {@code kafka:<bootstrap servers>/<topic>}. With the server's pid
 * each round also tells the CPU time per event of the server, of this driver (the sink's far end) and of the whole
 * machine (the rest: the database, the broker, anything else running).
 */
public final class OutboxDrainLoad {

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: OutboxDrainLoad <jdbc url> <user> <password> webhook:<receiver port>|"
                    + "kafka:<bootstrap servers>/<topic> <events per round> <rounds> <warm-up rounds> [server pid]");
            System.exit(2);
        }
        try (Arrivals arrivals = Arrivals.of(args[3])) {
            run(arrivals, args[0], args[1], args[2], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args.length == 8 ? Long.parseLong(args[7]) : 0);
        }
    }

    private static void run(Arrivals arrivals, String url, String user, String password, int perRound, int rounds,
                            int warmups, long serverPid) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            String realmId = realmId(db);
            List<Double> rates = new ArrayList<>();
            for (int round = 1 - warmups; round <= rounds; round++) {
                long before = arrivals.count();
                fill(db, realmId, arrivals.outboxColumn(), perRound);
                long start = System.nanoTime();
                long[] cpuBefore = cpu(serverPid);
                while (arrivals.count() - before < perRound) {
                    Thread.sleep(5); // polls the count; the wait is what is timed
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] cpuAfter = cpu(serverPid);
                double rate = perRound / seconds;
                if (round > 0) {
                    rates.add(rate);
                }
                System.out.printf(Locale.ROOT, "%s %d: %d events drained to %s in %.2f s = %.0f events/s%s%n",
                        round > 0 ? "round" : "warm-up", round > 0 ? round : round + warmups, perRound,
                        arrivals.sink(), seconds, rate, cpuPerEvent(cpuBefore, cpuAfter, perRound));
            }
            rates.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median: %.0f events/s to %s over %d rounds of %d (min %.0f, max %.0f;"
                            + " %d repeated records not counted)%n", rates.get(rates.size() / 2), arrivals.sink(),
                    rounds, perRound, rates.get(0), rates.get(rates.size() - 1), arrivals.repeats());
        }
    }

    /** CPU time so far of the server, of this driver and of the machine; -1 where not measured. */
    private static long[] cpu(long serverPid) {
        return new long[] {ServerCpu.nanos(serverPid), ServerCpu.nanos(ProcessHandle.current().pid()),
                ServerCpu.machineNanos()};
    }

    private static String cpuPerEvent(long[] before, long[] after, int events) {
        if (before[0] < 0 || after[0] < 0 || before[2] < 0 || after[2] < 0) {
            return "";
        }
        double server = (after[0] - before[0]) / 1e3 / events;
        double driver = (after[1] - before[1]) / 1e3 / events;
        double machine = (after[2] - before[2]) / 1e3 / events;
        return String.format(Locale.ROOT, "; CPU per event: server %.0f us, driver %.0f us, rest %.0f us",
                server, driver, Math.max(0, machine - server - driver));
    }

    private static String realmId(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT ID FROM REALM WHERE NAME = 'zero-trust-demo'");
             ResultSet realm = query.executeQuery()) {
            if (!realm.next()) {
                throw new IllegalStateException("no realm zero-trust-demo in the database");
            }
            return realm.getString(1);
        }
    }

    /** One transaction, as many sign-ins would have written them, for the one sink of {@code column} only. */
    private static void fill(Connection db, String realmId, String column, int count) throws SQLException {
        db.setAutoCommit(false);
        long stamp = System.currentTimeMillis() * 1000;
        try (PreparedStatement insert = db.prepareStatement(insert(column))) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setLong(2, stamp + i);
                insert.setString(3, realmId);
                insert.setString(4, OutboxCodec.encode(login(realmId, i)));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
    }

    private static String insert(String column) {
        List<String> flags = List.of("TO_SCORER", "TO_WEBHOOK", "TO_FILE", "TO_KAFKA");
        StringBuilder values = new StringBuilder();
        for (String flag : flags) {
            values.append(flag.equals(column) ? ", true" : ", false");
        }
        return "INSERT INTO ZT_EVENT_OUTBOX (ID, STAMP, REALM_ID, KIND, PAYLOAD, " + String.join(", ", flags)
                + ") VALUES (?, ?, ?, 'event', ?" + values + ")";
    }

    /** A LOGIN as the risk step leaves it: location, network, device hash, user agent and the verdict. */
    static SecurityEvent login(String realmId, int i) {
        return SecurityEvent.builder().id(UUID.randomUUID().toString()).time(System.currentTimeMillis())
                .realmId(realmId).realmName("zero-trust-demo").origin(SecurityEvent.Origin.USER).type("LOGIN")
                .userId("user-" + (i % 500)).username("user" + (i % 500)).clientId("account-console")
                .sessionId(UUID.randomUUID().toString()).ip("192.0.2." + (i % 250))
                .details(Map.of("auth_method", "openid-connect", "auth_type", "code", "username", "user" + (i % 500),
                        "redirect_uri", "http://127.0.0.1:8080/realms/zero-trust-demo/account/",
                        "zt_risk_score", "12", "zt_risk_level", "LOW", "zt_risk_reasons", "DEVICE_KNOWN,GEO_KNOWN_CITY"))
                .country("DE").city("Berlin").asn(64500L).asOrganization("Example Telecom")
                .deviceIdHash("5f2c8e1a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e")
                .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/138.0.0.0 Safari/537.36")
                .risk(new SecurityEvent.Risk(12, "LOW", List.of("DEVICE_KNOWN", "GEO_KNOWN_CITY")))
                .build();
    }
}
