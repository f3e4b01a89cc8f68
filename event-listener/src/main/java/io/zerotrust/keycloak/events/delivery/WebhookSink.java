package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;

/**
 * POSTs batches of OCSF events to a receiver, signed ({@link WebhookSignature}). Retries transport errors, 408,
 * 429 and 5xx with exponential backoff and full jitter, honouring {@code Retry-After} on 429 and 503; other 4xx
 * mean the receiver will never take the batch, so it fails permanently (and is dropped, counted, by the
 * caller) rather than filling the spool.
 */
public final class WebhookSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(WebhookSink.class);

    private final WebhookSettings settings;
    private final WebhookSignature signature;
    private final HttpClient client;
    private final Backoff backoff;
    private final PipelineMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public WebhookSink(WebhookSettings settings, PipelineMetrics metrics) {
        this(settings, metrics, Clock.systemUTC(), Thread::sleep);
    }

    public WebhookSink(WebhookSettings settings, PipelineMetrics metrics, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.signature = new WebhookSignature(settings.secret());
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.backoff = new Backoff(settings.backoffBase().toMillis(), settings.backoffCap().toMillis(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(List<String> records) throws DeliveryException {
        byte[] body = body(records).getBytes(StandardCharsets.UTF_8);
        String signed = signature.sign(body);
        DeliveryException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            long wait;
            try {
                HttpResponse<Void> response = client.send(request(body, signed), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                if (!retriable(status)) {
                    throw DeliveryException.permanent("http_" + status,
                            "receiver rejected " + records.size() + " events with HTTP " + status);
                }
                last = DeliveryException.transientFailure("http_" + status, "receiver answered HTTP " + status, null);
                wait = retryAfter(response, status);
                if (wait > settings.maxRetryAfter().toMillis()) {
                    throw DeliveryException.transientFailure("retry_after",
                            "receiver asked to wait " + wait + " ms, longer than we hold a batch", null);
                }
            } catch (IOException e) {
                last = DeliveryException.transientFailure("io_error", "could not reach receiver: " + e, e);
                wait = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryException.transientFailure("interrupted", "interrupted while sending", e);
            }
            if (attempt == settings.maxRetries()) {
                break;
            }
            metrics.retried(name());
            long delay = wait >= 0 ? wait : backoff.delayMillis(attempt);
            LOG.debugf("Webhook attempt %s failed (%s); retrying in %s ms", (Object) (attempt + 1), last.getMessage(), delay);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryException.transientFailure("interrupted", "interrupted while backing off", e);
            }
        }
        throw last;
    }

    /** 408, 429 and server errors may pass; other client errors will not. */
    static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private long retryAfter(HttpResponse<?> response, int status) {
        if (status != 429 && status != 503) {
            return -1;
        }
        return RetryAfter.millis(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
    }

    private HttpRequest request(byte[] body, String signed) {
        return HttpRequest.newBuilder(settings.url())
                .timeout(settings.readTimeout())
                .header("Content-Type", settings.format().contentType())
                .header(WebhookSignature.HEADER, signed)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    String body(List<String> records) {
        if (settings.format() == WebhookSettings.BodyFormat.NDJSON) {
            return String.join("\n", records) + "\n";
        }
        return "[" + String.join(",", records) + "]";
    }
}
