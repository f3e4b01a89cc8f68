package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
            copyTree(first, second);
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

    /** The distribution zip unpacked into target/kc-cluster/node1 with the provider jar, built for PostgreSQL. */
    private static Path install() throws IOException, InterruptedException {
        deleteTree(DIR);
        Path zip = Path.of(System.getProperty("zt.keycloakDistZip"));
        Path jar = Path.of(System.getProperty("zt.providerJar"));
        Path unpacked = DIR.resolve("unpacked");
        unzip(zip, unpacked);
        Path home;
        try (Stream<Path> top = Files.list(unpacked)) {
            home = top.findFirst().orElseThrow();
        }
        Path node1 = DIR.resolve("node1");
        Files.move(home, node1);
        Files.delete(unpacked);
        Files.copy(jar, node1.resolve("providers").resolve(jar.getFileName()));
        Process build = new ProcessBuilder("bash", node1.resolve("bin/kc.sh").toString(), "build",
                "--db=postgres", "--health-enabled=true", "--metrics-enabled=true",
                "--features=declarative-ui")
                .directory(node1.toFile()).redirectErrorStream(true).redirectOutput(DIR.resolve("build.log").toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed:\n" + Files.readString(DIR.resolve("build.log")));
        }
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

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    copy(in, file);
                }
            }
        }
    }

    private static void copy(InputStream in, Path file) throws IOException {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source));
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    // with its times: kc.sh rebuilds when a provider jar looks newer than the build
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
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
