package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import org.jboss.logging.Logger;

/**
 * POSTs batches of OCSF events to a receiver, signed ({@link WebhookSignature}). Retries transport errors, 408,
 * 429 and 5xx with exponential backoff and full jitter, honouring {@code Retry-After} on 429 and 503.
 *
 * <p>Refusals lose nothing. 400, 413 and 422 are about the batch's content: it is split in halves until the
 * receiver takes the parts, and a single event it still refuses while it takes others is returned as
 * {@link Rejected}, with its answer, to be set aside as a dead letter. A receiver that refuses every event on its own
 * is wrong, not the events: the batch fails and stays. Any other 4xx (401 or 403 while a receiver rotates its
 * secret, 404 while it moves) says the receiver is misconfigured: the batch fails at once, without retries, and the
 * outbox keeps it until the receiver takes events again.
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
    public List<Rejected> send(List<OcsfJson> records) throws DeliveryException {
        List<Rejected> rejected = new ArrayList<>();
        int accepted = sendSplitting(records, 0, rejected);
        if (!rejected.isEmpty() && accepted == 0) {
            // Refusing every event on its own says the receiver is wrong (another format, a bad deployment), not
            // the events: keep them all
            throw DeliveryException.transientFailure("refused_all", "receiver refused each of " + records.size()
                    + " events (" + rejected.get(0).answer() + ")", null);
        }
        if (!rejected.isEmpty()) {
            LOG.errorf("Webhook %s refused %d events on their own while taking %d; they are set aside: %s",
                    settings.url(), rejected.size(), accepted, rejected.get(0).answer());
        }
        return rejected;
    }

    /** Halves a refused batch until the receiver takes the parts; returns how many it took. */
    private int sendSplitting(List<OcsfJson> records, int offset, List<Rejected> rejected) throws DeliveryException {
        try {
            attempt(records);
            return records.size();
        } catch (Refused refused) {
            if (records.size() == 1) {
                rejected.add(new Rejected(offset, refused.getMessage()));
                return 0;
            }
            int half = records.size() / 2;
            return sendSplitting(records.subList(0, half), offset, rejected)
                    + sendSplitting(records.subList(half, records.size()), offset + half, rejected);
        }
    }

    /** The receiver refused this batch for what is in it (400, 413, 422). */
    private static final class Refused extends Exception {
        Refused(String answer) {
            super(answer, null, false, false);
        }
    }

    private void attempt(List<OcsfJson> records) throws DeliveryException, Refused {
        byte[] body = body(records);
        String signed = signature.sign(body);
        DeliveryException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            long wait;
            try {
                HttpResponse<String> response = client.send(request(body, signed), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    lastRefusal = 0;
                    return;
                }
                if (refusesContent(status)) {
                    throw new Refused("HTTP " + status + answer(response.body()));
                }
                if (!retriable(status)) {
                    // Once per refusal, not at every round: the outbox retries it until the receiver is fixed
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

    /** What the receiver said, briefly: kept with a dead letter. */
    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > 300 ? text.substring(0, 300) : text);
    }

    /** Statuses about the request's content: a smaller batch may pass, a single event never will. */
    static boolean refusesContent(int status) {
        return status == 400 || status == 413 || status == 422;
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

    /** A JSON array, or one object a line (NDJSON), of the events' own bytes. */
    byte[] body(List<OcsfJson> records) {
        boolean lines = settings.format() == WebhookSettings.BodyFormat.NDJSON;
        int length = lines ? 0 : 2;
        for (OcsfJson record : records) {
            length += record.utf8().length + 1;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        if (!lines) {
            body.put((byte) '[');
        }
        for (int i = 0; i < records.size(); i++) {
            if (!lines && i > 0) {
                body.put((byte) ',');
            }
            body.put(records.get(i).utf8());
            if (lines) {
                body.put((byte) '\n');
            }
        }
        if (!lines) {
            body.put((byte) ']');
        }
        return Arrays.copyOf(body.array(), body.position());
    }
}
