package io.zerotrust.keycloak.risk.tuning;

/** Texts of refusals the admin reads (also the privileged-access pages'). */
public final class MessageText {

    private MessageText() {
    }

    /**
     * Keycloak formats a component's refusal with {@link java.text.MessageFormat}, to which quotes and braces are
     * syntax: doubled and quoted here, they reach the admin as written.
     */
    public static String escape(String text) {
        return text.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    }

    /** A parser's problem says what it falls back to at start-up; a refused save falls back to nothing. */
    static String withoutFallback(String problem) {
        return problem.replace("; the access-window rule is OFF", "").replaceFirst(";\\s*(using|ignored)[^;]*$", "");
    }
}
