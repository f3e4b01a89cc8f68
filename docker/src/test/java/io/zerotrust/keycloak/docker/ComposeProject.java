package io.zerotrust.keycloak.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * docker/compose.yaml run as one compose project by this machine's compose tool: Docker's {@code docker compose},
 * or podman-compose where podman is the engine (.ci/run on machines without Docker). The project's containers,
 * networks and volumes go with {@link #close()}.
 */
final class ComposeProject implements AutoCloseable {

    private static final Path COMPOSE_FILE = Path.of(System.getProperty("user.dir"), "compose.yaml");

    private final List<String> tool;
    private final String name;
    private final Map<String, String> environment;

    ComposeProject(List<String> tool, String name, Map<String, String> environment) {
        this.tool = tool;
        this.name = name;
        this.environment = environment;
    }

    /** {@code docker compose} where it works, else podman-compose; empty where neither does. */
    static Optional<List<String>> tool() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("podman-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            if (succeeds(version)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean podman() {
        return tool.equals(List.of("podman-compose"));
    }

    void build(String service) throws IOException, InterruptedException {
        run("build", service);
    }

    /**
     * Starts the service (without the ones it depends on) and waits until its healthcheck passes: podman-compose
     * neither waits for one nor has podman run it here (no systemd timers), so it is run from here.
     */
    void startHealthy(String service, Duration timeout) throws IOException, InterruptedException {
        if (!podman()) {
            run("up", "-d", "--no-deps", "--wait", service);
            return;
        }
        start(service);
        Instant deadline = Instant.now().plus(timeout);
        while (!succeeds(List.of("podman", "healthcheck", "run", container(service)))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(service + " not healthy after " + timeout + "\n" + logs(service));
            }
            Thread.sleep(1000);
        }
    }

    /** Starts the service without the ones it depends on. */
    void start(String service) throws IOException, InterruptedException {
        String up = run("up", "-d", "--no-deps", service);
        // podman-compose 1.0 exits with 0 even when podman could not create the container: its output says why
        if (podman() && !succeeds(List.of("podman", "container", "exists", container(service)))) {
            throw new AssertionError(service + " was not created:\n" + up);
        }
    }

    void restart(String service) throws IOException, InterruptedException {
        run("restart", service);
    }

    String logs(String service) throws IOException, InterruptedException {
        return run("logs", service);
    }

    /** podman-compose's name of the service's (only) container */
    private String container(String service) {
        return name + "_" + service + "_1";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down", "-v");
        if (podman()) {
            // podman-compose 1.0 leaves the project's network behind
            succeeds(List.of("podman", "network", "rm", name + "_default"));
        }
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("-p", name, "-f", COMPOSE_FILE.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
