package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Two Keycloak 26.7.3 nodes with the pack's provider jar, sharing one PostgreSQL database and clustered by
 * Keycloak's own means: the embedded Infinispan with JGroups discovering its members through that database
 * (the jdbc-ping stack, the default of {@code --cache=ispn}). Each node has its own installation under
 * target/kc-cluster and its own loopback ports, none of them the test framework's (8080, 8443, 9000, 8500).
 * The nodes get the options {@link ZeroTrustServerConfig} gives the test framework's server where they matter
 * to the risk engine; their tables live in a schema of their own, made afresh for every run.
 */
final class KeycloakCluster implements AutoCloseable {

    /** The database the nodes share, as JDBC URL, user and password (the surefire execution `cluster` sets them). */
    static final String DATABASE_URL = "ZT_CLUSTER_DATABASE_URL";
    static final String DATABASE_USER = "ZT_CLUSTER_DATABASE_USER";
    static final String DATABASE_PASSWORD = "ZT_CLUSTER_DATABASE_PASSWORD";
    private static final String SCHEMA = "zt_cluster";
    /** How long a node's hold on an outbox consumer lasts without renewal. */
    static final int LEASE_SECONDS = 5;
    private static final Path DIR = Path.of("target", "kc-cluster").toAbsolutePath();

    private final List<KeycloakNode> nodes = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::stopQuietly, "kc-cluster-stop");

    private KeycloakCluster() {
    }

    /** Installs, builds and starts both nodes, one after the other (the first creates the schema and the admin). */
    static KeycloakCluster start() throws Exception {
        KeycloakCluster cluster = new KeycloakCluster();
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            RiskFixtures.writeOnce();
            freshSchema();
            Path first = install();
            Path second = DIR.resolve("node2");
            BuiltKeycloak.copyTree(first, second);
            cluster.nodes.add(new KeycloakNode("node1", first, 18080, 19000));
            cluster.nodes.add(new KeycloakNode("node2", second, 18180, 19100));
            // JGroups' failure detection listens 50000 above the transport's port: both stay below 65536
            int jgroupsPort = 7810;
            for (KeycloakNode node : cluster.nodes) {
                node.start(runtimeOptions(jgroupsPort));
                node.awaitReady();
                jgroupsPort += 10;
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    KeycloakNode node(int number) {
        return nodes.get(number - 1);
    }

    /** {@link BuiltKeycloak}'s installation, copied to target/kc-cluster/node1. */
    private static Path install() throws IOException, InterruptedException {
        BuiltKeycloak.deleteTree(DIR);
        BuiltKeycloak.Build build = BuiltKeycloak.get();
        if (build.exitCode() != 0) {
            throw new IllegalStateException("kc.sh build failed:\n" + String.join("\n", build.output()));
        }
        Path node1 = DIR.resolve("node1");
        BuiltKeycloak.copyTree(build.home(), node1);
        return node1;
    }

    private static List<String> runtimeOptions(int jgroupsPort) {
        String url = System.getenv(DATABASE_URL);
        return List.of(
                "--db-url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "--db-username=" + System.getenv(DATABASE_USER),
                "--db-password=" + System.getenv(DATABASE_PASSWORD),
                "--db-schema=" + SCHEMA,
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--hostname-strict=false",
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + jgroupsPort,
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=127.0.0.1",
                "--spi-zt-geoip--maxmind--city-database=" + RiskFixtures.CITY_DB,
                "--spi-zt-geoip--maxmind--asn-database=" + RiskFixtures.ASN_DB,
                "--spi-zt-geoip--maxmind--anonymous-database=" + RiskFixtures.ANONYMOUS_DB,
                "--spi-zt-risk-evaluator--ip-reputation--tor-exit-list-file=" + RiskFixtures.TOR_EXITS,
                "--spi-zt-risk-evaluator--device-posture--jwks-file=" + RiskFixtures.POSTURE_JWKS,
                "--spi-events-listener--zt-events--webhook-url=" + WebhookReceiver.get().url(),
                "--spi-events-listener--zt-events--webhook-secret=" + WebhookReceiver.SECRET,
                "--spi-realm-restapi-extension--zt-access--expiry-interval-seconds=2",
                // a dead node's consumers move within seconds, not the default 30
                "--spi-events-listener--zt-events--outbox-lease-seconds=" + LEASE_SECONDS);
    }

    /** Drops what an earlier run left and makes the nodes' schema empty. */
    private static void freshSchema() throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv(DATABASE_URL), System.getenv(DATABASE_USER),
                System.getenv(DATABASE_PASSWORD)); Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    private void stopQuietly() {
        for (KeycloakNode node : nodes) {
            try {
                node.close();
            } catch (Exception | Error e) {
                System.err.println("could not stop " + node.base() + ": " + e);
            }
        }
    }

    /** Stops both nodes and waits until their processes are gone. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
