package io.zerotrust.keycloak.access.sod;

import java.util.List;

/** A rule a user breaks: the rule, and its roles the user holds (or would hold). */
public record Conflict(ConflictRule rule, List<String> roles) {

    /** For the user: which duties collide. */
    public String message() {
        return "This would give you roles that must stay apart (" + rule.name() + "): " + String.join(", ", roles) + ".";
    }
}
