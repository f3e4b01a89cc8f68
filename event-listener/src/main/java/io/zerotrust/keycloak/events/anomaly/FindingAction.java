package io.zerotrust.keycloak.events.anomaly;

import io.zerotrust.keycloak.risk.anomaly.StepUpMark;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What happens besides reporting a finding. */
public enum FindingAction {
    /** Report only (always done). */
    EMIT("emit"),
    /** Mark the user so that the next sign-in steps up ({@link StepUpMark}). */
    STEP_UP("step-up"),
    /** End the user's sessions; offline ones too only where {@code revoke-offline-sessions} is on. */
    REVOKE_SESSIONS("revoke-sessions");

    private final String option;

    FindingAction(String option) {
        this.option = option;
    }

    /**
     * Parses an option value such as {@code step-up,revoke-sessions}.
     *
     * @throws IllegalArgumentException naming the unknown action
     */
    public static Set<FindingAction> parse(String value) {
        Set<FindingAction> actions = EnumSet.of(EMIT);
        if (value == null || value.isBlank()) {
            return actions;
        }
        for (String part : value.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            FindingAction match = null;
            for (FindingAction action : values()) {
                if (action.option.equals(name)) {
                    match = action;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown action '" + part.trim()
                        + "' (use emit, step-up, revoke-sessions)");
            }
            actions.add(match);
        }
        return actions;
    }
}
