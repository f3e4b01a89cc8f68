package io.zerotrust.keycloak.authn.otp;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of the risk notice, as a theme message key and the values it names. A class with getters rather
 * than a record because FreeMarker templates read bean properties ({@code line.messageKey}).
 */
public final class RiskNoticeLine {

    private final String messageKey;
    private final List<String> parameters;

    public RiskNoticeLine(String messageKey, List<String> parameters) {
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.parameters = List.copyOf(parameters);
    }

    public String getMessageKey() {
        return messageKey;
    }

    /** Values for the message's {@code {0}}, {@code {1}}, ...; already plain text, escaped by the template. */
    public List<String> getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskNoticeLine other && messageKey.equals(other.messageKey) && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageKey, parameters);
    }

    @Override
    public String toString() {
        return messageKey + parameters;
    }
}
