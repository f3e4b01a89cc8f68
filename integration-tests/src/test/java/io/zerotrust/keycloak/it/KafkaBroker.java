package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;

import static org.awaitility.Awaitility.await;

/**
 * Apache Kafka's own broker (KRaft, one node that is broker and controller) from the test classpath, in a JVM
 * of its own on loopback ports 19092 (clients) and 19093 (controller), with its log directory under target/.
 * It can be stopped (the process ends, by its pid) and started again on the same port and log directory, as a
 * broker that goes down and comes back. Its output goes to {@code target/kafka-broker/broker.log}.
 */
final class KafkaBroker implements AutoCloseable {

    static final int PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    static final String BOOTSTRAP = "127.0.0.1:" + PORT;

    private static final Duration READY = Duration.ofSeconds(90);

    private final Path dir = Path.of("target", "kafka-broker").toAbsolutePath();
    private final Path config = dir.resolve("server.properties");
    private final Path output = dir.resolve("broker.log");
    private Process process;

    /** A broker with an empty, formatted log directory; not started yet. */
    static KafkaBroker formatted() throws Exception {
        KafkaBroker broker = new KafkaBroker();
        broker.format();
        return broker;
    }

    private void format() throws Exception {
        Path logs = dir.resolve("logs");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(logs);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
                "listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""), StandardCharsets.UTF_8);
        Process storage = java("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString());
        if (!storage.waitFor(2, TimeUnit.MINUTES) || storage.exitValue() != 0) {
            storage.destroyForcibly();
            throw new IllegalStateException("kafka storage format failed; output in " + output + ":\n" + tail());
        }
    }

    /** Starts the broker (again, after {@link #stop()}) and waits until it answers an admin client. */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java("kafka.Kafka", config.toString());
        try (Admin admin = admin()) {
            await("Kafka broker on " + BOOTSTRAP).atMost(READY).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(Exception.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("Kafka broker exited; output in " + output + ":\n" + tail());
                        }
                        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
                    });
        }
    }

    /** Ends the broker process (SIGTERM: a clean shutdown; killed if it takes longer than 30 s) and waits for it. */
    synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * The compression codecs of the record batches the broker holds for {@code topic}, read from its log segments
     * on disk with Kafka's own reader: the broker keeps each batch as its producer compressed it.
     */
    Set<String> batchCompressions(String topic) throws IOException {
        Set<String> codecs = new TreeSet<>();
        try (var files = Files.walk(dir.resolve("logs"))) {
            for (Path segment : files.filter(f -> f.getFileName().toString().endsWith(".log")
                    && f.getParent().getFileName().toString().startsWith(topic + "-")).toList()) {
                try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                    for (RecordBatch batch : records.batches()) {
                        codecs.add(batch.compressionType().name);
                    }
                }
            }
        }
        return codecs;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000));
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        // a test JVM that dies must not leave a broker holding the ports
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        return started;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
