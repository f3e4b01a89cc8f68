package io.zerotrust.keycloak.events.delivery;

import java.net.URI;
import java.time.Duration;

import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * How the webhook sink sends.
 *
 * @param url             receiver; https, or http to a loopback address only
 * @param secret          HMAC key for {@code X-ZT-Signature}
 * @param format          JSON array or NDJSON body
 * @param connectTimeout  TCP and TLS connect timeout
 * @param readTimeout     time allowed for the response
 * @param maxRetries      retries after the first attempt before the batch is left in the outbox for a later round
 * @param backoffBase     first retry delay ceiling
 * @param backoffCap      largest retry delay ceiling
 * @param maxRetryAfter   longest {@code Retry-After} honoured in place; longer ones leave the batch in the outbox at once
 */
public record WebhookSettings(URI url, String secret, BodyFormat format, Duration connectTimeout,
                              Duration readTimeout, int maxRetries, Duration backoffBase, Duration backoffCap,
                              Duration maxRetryAfter) {

    /** Request body layout. */
    public enum BodyFormat {
        /** {@code [ {...}, {...} ]}, Content-Type application/json. */
        JSON_ARRAY("application/json"),
        /** One object per line, Content-Type application/x-ndjson. */
        NDJSON("application/x-ndjson");

        private final String contentType;

        BodyFormat(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * Fails secure: an event stream holds user names, addresses and sessions, so it goes over TLS and signed,
     * or not at all.
     *
     * @return why the settings cannot be used, or null when they can
     */
    public static String problem(URI url, String secret) {
        if (url == null || url.getHost() == null) {
            return "webhook URL is not an absolute URL";
        }
        String scheme = url.getScheme();
        boolean loopback = IpAddress.isLoopbackHost(url.getHost());
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && loopback)) {
            return "webhook URL must be https (plain http only to a loopback address)";
        }
        if (secret == null || secret.length() < 16) {
            return "webhook secret must be set and at least 16 characters, so that receivers can verify events";
        }
        return null;
    }
}
