package io.zerotrust.keycloak.events.delivery;

/** A batch was not delivered; it stays in the outbox and is sent again later. */
public class DeliveryException extends Exception {

    private final String reason;

    public DeliveryException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static DeliveryException transientFailure(String reason, String message, Throwable cause) {
        return new DeliveryException(reason, message, cause);
    }

    /** Short reason for logs, metrics and the sink's state: {@code http_401}, {@code io_error}, ... */
    public String reason() {
        return reason;
    }
}
