package io.zerotrust.keycloak.events.listener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
import io.zerotrust.keycloak.risk.spi.OptionReader;

import static io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory.*;

/**
 * The {@code zt-events} options, parsed and checked by an {@link OptionReader}. A bad value is reported in
 * {@link #problems()} and its default used; a webhook that cannot be secured (no https, no secret) is disabled, not run unsigned.
 */
record PipelineOptions(WebhookSettings webhook, KafkaSettings kafka, Path file, JsonLinesFileSink.FsyncPolicy fsync,
                       OutboxDrainer.Settings drain, Duration outboxMaxAge, Duration expiryInterval,
                       Map<FindingLevel, Set<FindingAction>> actions, Duration stepUpTtl, boolean revokeOfflineSessions,
                       List<String> problems) {

    static PipelineOptions parse(Function<String, String> options) {
        OptionReader p = OptionReader.collecting(PROVIDER_ID, options);
        // 500 OCSF events are about 750 KB: below the body limits of common collectors; a 413 splits the batch.
        // A batch's ids go into one IN list: Oracle takes at most 1000 expressions, SQL Server 2100 parameters
        int batchSize = p.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE);
        OutboxDrainer.Settings drain = new OutboxDrainer.Settings(batchSize,
                p.duration(OUTBOX_POLL_MS, 200, ChronoUnit.MILLIS, 1).toMillis(),
                p.duration(OUTBOX_LEASE_SECONDS, 30, ChronoUnit.SECONDS, 1).toMillis());
        Duration maxAge = p.duration(OUTBOX_MAX_AGE_HOURS, 168, ChronoUnit.HOURS, 1);
        Duration expiryInterval = Duration.ofSeconds(p.integer(EXPIRY_INTERVAL_SECONDS, 3600, 1, 3600));
        Duration connect = p.duration(CONNECT_TIMEOUT_MS, 2000, ChronoUnit.MILLIS, 1);
        Duration read = p.duration(READ_TIMEOUT_MS, 5000, ChronoUnit.MILLIS, 1);
        int retries = p.integer(MAX_RETRIES, 3, 0);
        WebhookSettings.BodyFormat format = "ndjson".equals(p.choice(WEBHOOK_FORMAT, "json-array", "json-array", "ndjson"))
                ? WebhookSettings.BodyFormat.NDJSON : WebhookSettings.BodyFormat.JSON_ARRAY;
        WebhookSettings webhook = null;
        String url = p.string(WEBHOOK_URL);
        if (url != null) {
            URI uri = null;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                p.problem(WEBHOOK_URL + ": not a URL");
            }
            String secret = p.string(WEBHOOK_SECRET);
            String problem = uri == null ? null : WebhookSettings.problem(uri, secret);
            if (problem != null) {
                p.problem("webhook disabled: " + problem);
            } else if (uri != null) {
                webhook = new WebhookSettings(uri, secret, format, connect, read,
                        retries, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(60));
            }
        }
        KafkaSettings kafka = KafkaSettings.parse(p);
        String file = p.string(FILE_PATH);
        JsonLinesFileSink.FsyncPolicy fsync = "none".equals(p.choice(FILE_FSYNC, "batch", "batch", "none"))
                ? JsonLinesFileSink.FsyncPolicy.NONE : JsonLinesFileSink.FsyncPolicy.BATCH;
        Map<FindingLevel, Set<FindingAction>> actions = new EnumMap<>(FindingLevel.class);
        actions.put(FindingLevel.LOW, actions(p, ACTION_LOW, "emit"));
        actions.put(FindingLevel.MEDIUM, actions(p, ACTION_MEDIUM, "step-up"));
        actions.put(FindingLevel.HIGH, actions(p, ACTION_HIGH, "step-up,revoke-sessions"));
        Duration ttl = p.duration(STEP_UP_TTL_MINUTES, 1440, ChronoUnit.MINUTES, 1);
        boolean revokeOffline = p.bool(REVOKE_OFFLINE_SESSIONS, false);
        return new PipelineOptions(webhook, kafka, file == null ? null : Path.of(file), fsync, drain, maxAge, expiryInterval, actions,
                ttl, revokeOffline, p.problems());
    }

    private static Set<FindingAction> actions(OptionReader p, String key, String fallback) {
        String value = p.string(key);
        if (value != null) {
            try {
                return FindingAction.parse(value);
            } catch (IllegalArgumentException e) {
                p.invalid(key, value, e.getMessage(), fallback);
            }
        }
        return FindingAction.parse(fallback);
    }
}
