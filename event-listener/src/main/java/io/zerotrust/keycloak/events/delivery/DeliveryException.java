package io.zerotrust.keycloak.events.delivery;

/** A batch was not delivered. Permanent failures (the receiver rejected it) are dropped; others are spooled. */
public class DeliveryException extends Exception {

    private final boolean permanent;
    private final String reason;

    public DeliveryException(boolean permanent, String reason, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.reason = reason;
    }

    public static DeliveryException permanent(String reason, String message) {
        return new DeliveryException(true, reason, message, null);
    }

    public static DeliveryException transientFailure(String reason, String message, Throwable cause) {
        return new DeliveryException(false, reason, message, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** Short reason for the drop counter: {@code http_400}, {@code io_error}, ... */
    public String reason() {
        return reason;
    }
}
