package io.zerotrust.keycloak.events.listener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.zerotrust.keycloak.events.anomaly.FindingAction;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.delivery.JsonLinesFileSink;
import io.zerotrust.keycloak.events.delivery.WebhookSettings;
import io.zerotrust.keycloak.events.outbox.OutboxDrainer;

import static io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory.*;

/**
 * The {@code zt-events} options, parsed and checked. A bad value is reported in {@link #problems()} and its
 * default used; a webhook that cannot be secured (no https, no secret) is disabled, not run unsigned.
 */
record PipelineOptions(WebhookSettings webhook, KafkaSettings kafka, Path file, JsonLinesFileSink.FsyncPolicy fsync,
                       OutboxDrainer.Settings drain, Duration outboxMaxAge,
                       Map<FindingLevel, Set<FindingAction>> actions, Duration stepUpTtl, boolean revokeOfflineSessions,
                       List<String> problems) {

    static PipelineOptions parse(Function<String, String> options) {
        Parser p = new Parser(options);
        int batchSize = p.positive(BATCH_SIZE, 100);
        OutboxDrainer.Settings drain = new OutboxDrainer.Settings(batchSize, p.positive(OUTBOX_POLL_MS, 200),
                p.positive(OUTBOX_LEASE_SECONDS, 30) * 1000L);
        Duration maxAge = Duration.ofHours(p.positive(OUTBOX_MAX_AGE_HOURS, 168));
        int connect = p.positive(CONNECT_TIMEOUT_MS, 2000);
        int read = p.positive(READ_TIMEOUT_MS, 5000);
        int retries = p.nonNegative(MAX_RETRIES, 3);
        WebhookSettings.BodyFormat format = "ndjson".equalsIgnoreCase(p.text(WEBHOOK_FORMAT))
                ? WebhookSettings.BodyFormat.NDJSON : WebhookSettings.BodyFormat.JSON_ARRAY;
        WebhookSettings webhook = null;
        String url = p.text(WEBHOOK_URL);
        if (url != null) {
            URI uri = null;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                p.problems.add(WEBHOOK_URL + ": not a URL");
            }
            String secret = p.text(WEBHOOK_SECRET);
            String problem = uri == null ? null : WebhookSettings.problem(uri, secret);
            if (problem != null) {
                p.problems.add("webhook disabled: " + problem);
            } else if (uri != null) {
                webhook = new WebhookSettings(uri, secret, format, Duration.ofMillis(connect), Duration.ofMillis(read),
                        retries, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(60));
            }
        }
        KafkaSettings kafka = KafkaSettings.parse(options, p.problems);
        String file = p.text(FILE_PATH);
        JsonLinesFileSink.FsyncPolicy fsync = "none".equalsIgnoreCase(p.text(FILE_FSYNC))
                ? JsonLinesFileSink.FsyncPolicy.NONE : JsonLinesFileSink.FsyncPolicy.BATCH;
        Map<FindingLevel, Set<FindingAction>> actions = new EnumMap<>(FindingLevel.class);
        actions.put(FindingLevel.LOW, p.actions(ACTION_LOW, "emit"));
        actions.put(FindingLevel.MEDIUM, p.actions(ACTION_MEDIUM, "step-up"));
        actions.put(FindingLevel.HIGH, p.actions(ACTION_HIGH, "step-up,revoke-sessions"));
        Duration ttl = Duration.ofMinutes(p.positive(STEP_UP_TTL_MINUTES, 1440));
        boolean revokeOffline = p.bool(REVOKE_OFFLINE_SESSIONS, false);
        return new PipelineOptions(webhook, kafka, file == null ? null : Path.of(file), fsync, drain, maxAge, actions,
                ttl, revokeOffline, List.copyOf(p.problems));
    }

    /** Reads options, collecting what is wrong with them; {@link KafkaSettings} shares it. */
    static final class Parser {
        final Function<String, String> options;
        final List<String> problems = new ArrayList<>();

        Parser(Function<String, String> options) {
            this.options = options;
        }

        String text(String key) {
            String value = options.apply(key);
            return value == null || value.isBlank() ? null : value.trim();
        }

        int positive(String key, int fallback) {
            return number(key, fallback, 1);
        }

        int nonNegative(String key, int fallback) {
            return number(key, fallback, 0);
        }

        private int number(String key, int fallback, int min) {
            String value = text(key);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(key + ": '" + value + "' is not an integer >= " + min + "; using " + fallback);
            return fallback;
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            problems.add(key + ": '" + value + "' is not true or false; using " + fallback);
            return fallback;
        }

        Set<FindingAction> actions(String key, String fallback) {
            String value = text(key);
            try {
                return FindingAction.parse(value == null ? fallback : value);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage() + "; using " + fallback);
                return FindingAction.parse(fallback);
            }
        }
    }
}
