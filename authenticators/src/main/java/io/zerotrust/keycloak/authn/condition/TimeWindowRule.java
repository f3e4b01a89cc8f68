package io.zerotrust.keycloak.authn.condition;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.time.AccessWindow;
import io.zerotrust.keycloak.risk.time.AccessWindowParser;

/**
 * Decides whether an instant is inside any configured window. Windows that cannot be read count as no window, so
 * the condition is false ("outside"): the usual flows require more when outside, and that is the secure side.
 *
 * @param windows the windows, in the syntax of {@link AccessWindowParser}
 */
public record TimeWindowRule(List<AccessWindow> windows) {

    public TimeWindowRule {
        windows = List.copyOf(windows);
    }

    public boolean matches(Instant now) {
        return windows.stream().anyMatch(window -> window.contains(now));
    }

    /**
     * Reads the stored config: each entry may hold one window or several separated by {@code ;}. A bad entry is
     * skipped and reported to {@code warn}; the others still count.
     */
    public static TimeWindowRule read(List<String> entries, Consumer<String> warn) {
        List<AccessWindow> windows = new java.util.ArrayList<>();
        for (String entry : entries) {
            try {
                windows.addAll(AccessWindowParser.parse(entry));
            } catch (IllegalArgumentException e) {
                warn.accept("window " + e.getMessage() + "; ignored");
            }
        }
        return new TimeWindowRule(windows);
    }
}
