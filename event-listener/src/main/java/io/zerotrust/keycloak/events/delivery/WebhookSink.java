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
 * 429 and 5xx with exponential backoff and full jitter, honouring {@code Retry-After} on 429 and 503.
 *
 * <p>Other refusals lose nothing. 413 (too large) splits the batch in halves and sends each; only a single event the
 * receiver still refuses as too large is dropped, logged and counted (it can never pass), and the rest of its batch
 * goes on. A half sent before a later transient failure is sent again with the batch (at least once). Any other 4xx (401 or 403 while a
 * receiver rotates its secret, 404 while it moves, 400 from a receiver expecting another format) says the receiver
 * is misconfigured, not that the events are wrong: the batch fails transiently at once, without retries, so the
 * caller keeps it in the spool and replays it once the receiver takes events again.
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
    private volatile int lastRefusal;

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
        try {
            attempt(records);
        } catch (TooLarge tooLarge) {
            if (records.size() == 1) {
                // It can never pass; the rest of its batch still goes
                LOG.errorf("Webhook %s refused a single event as too large (HTTP 413); it is dropped: %.200s",
                        settings.url(), records.get(0));
                metrics.dropped("http_413", 1);
                return;
            }
            // halves until the receiver takes them; what an earlier half delivered is not sent again
            int half = records.size() / 2;
            send(records.subList(0, half));
            send(records.subList(half, records.size()));
        }
    }

    /** The receiver answered 413 for this batch. */
    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private void attempt(List<String> records) throws DeliveryException, TooLarge {
        byte[] body = body(records).getBytes(StandardCharsets.UTF_8);
        String signed = signature.sign(body);
        DeliveryException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            long wait;
            try {
                HttpResponse<Void> response = client.send(request(body, signed), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    lastRefusal = 0;
                    return;
                }
                if (status == 413) {
                    throw new TooLarge();
                }
                if (!retriable(status)) {
                    // Once per refusal, not at every replay: the spool is retried every few seconds until it is fixed
                    if (lastRefusal != status) {
                        lastRefusal = status;
                        LOG.errorf("Webhook %s refused %d events with HTTP %d: check the receiver and webhook-secret;"
                                + " the events are kept and sent again once it takes them", settings.url(), records.size(), status);
                    }
                    throw DeliveryException.transientFailure("http_" + status,
                            "receiver refused " + records.size() + " events with HTTP " + status, null);
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

    /** 408, 429 and server errors may pass on the next attempt; other client errors wait for the receiver's fix. */
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
