package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.keycloak.admin.client.Keycloak;

/**
 * One Keycloak server started with {@code kc.sh start} as a plain process of its own installation, on loopback
 * ports of its own: one node of a {@link KeycloakCluster}. Its output goes to a log file next to the installation.
 */
final class KeycloakNode implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);

    private final String name;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Keycloak admin;

    KeycloakNode(String name, Path home, int httpPort, int managementPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = home.resolveSibling(name + ".log");
    }

    /** The base URL browsers and clients reach this node at. */
    String base() {
        return "http://localhost:" + httpPort;
    }

    Path log() {
        return log;
    }

    /** Starts {@code kc.sh start --optimized} with these options and the bootstrap admin in its environment. */
    void start(List<String> options) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // used only by the node that creates the master realm
        builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the management interface's readiness check until it answers UP; fails with the log's tail otherwise. */
    void awaitReady() throws InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + STARTUP + ":\n" + logTail());
    }

    /** The admin REST API of this node, as the bootstrap admin. */
    synchronized Keycloak admin() {
        if (admin == null) {
            admin = Keycloak.getInstance(base(), "master", ADMIN, ADMIN, "admin-cli");
        }
        return admin;
    }

    /** The node's log so far. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    /** Kills the node's processes with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
        process.waitFor();
    }

    /** Stops the node (kc.sh forwards the TERM to its JVM), killing what is left after the grace period. */
    @Override
    public void close() throws InterruptedException {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException(name + ": process " + handle.pid() + " did not end", e);
                }
            }
        }
        process = null;
    }
}
