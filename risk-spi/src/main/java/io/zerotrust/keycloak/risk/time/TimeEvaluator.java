package io.zerotrust.keycloak.risk.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * Judges when a sign-in happens, by two independent rules:
 * <ul>
 *   <li><b>access windows</b> (admin policy): outside every configured window is strong evidence
 *       ({@code TIME_OUTSIDE_WINDOW}); with no windows configured the rule is off;</li>
 *   <li><b>the user's rhythm</b> (learned): the smoothed share of the user's past logins in this hour of the week
 *       (and its neighbours) against the uniform share; far below gives {@code TIME_UNUSUAL_HOUR}, growing with
 *       the log of the ratio and capped; at or above uniform gives a small reassurance ({@code TIME_USUAL_HOUR}).
 *       Until the user has {@code minLogins} learned logins the profile says nothing (cold start): a new user's
 *       first logins are not unusual just because there is nothing to compare with.</li>
 * </ul>
 */
public final class TimeEvaluator implements RiskEvaluator {

    public static final String ID = "time";

    public static final String OUTSIDE_WINDOW = "TIME_OUTSIDE_WINDOW";
    public static final String UNUSUAL_HOUR = "TIME_UNUSUAL_HOUR";
    public static final String USUAL_HOUR = "TIME_USUAL_HOUR";

    public static final double OUTSIDE_WINDOW_LOG_ODDS = 4.0;
    public static final double MAX_UNUSUAL_LOG_ODDS = 2.0;
    public static final double USUAL_LOG_ODDS = -0.5;
    /** The hour must be at most half as likely as under a uniform spread before it counts as unusual. */
    public static final double UNUSUAL_RATIO = 2.0;

    private final TimeSettings settings;

    public TimeEvaluator(TimeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    public TimeSettings settings() {
        return settings;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        List<RiskReason> reasons = new ArrayList<>(2);
        RiskReason window = windowReason(context.now());
        if (window != null) {
            reasons.add(window);
        }
        RiskReason rhythm = rhythmReason(context.now(), context.profile());
        if (rhythm != null) {
            reasons.add(rhythm);
        }
        return EvaluatorResult.of(ID, reasons);
    }

    private RiskReason windowReason(Instant now) {
        if (settings.windows().isEmpty()) {
            return null;
        }
        for (AccessWindow window : settings.windows()) {
            if (window.contains(now)) {
                return null;
            }
        }
        return new RiskReason(ID, OUTSIDE_WINDOW, OUTSIDE_WINDOW_LOG_ODDS,
                "Sign-in at " + now + " is outside every allowed access window",
                Map.of("time", now.toString(), "windows", Integer.toString(settings.windows().size())));
    }

    private RiskReason rhythmReason(Instant now, UserRiskProfile profile) {
        int[] counts = profile.hourOfWeek();
        long learned = 0;
        for (int count : counts) {
            learned += count;
        }
        // The bins are the evidence, so the cold-start threshold applies to them (not to profile.logins(),
        // which could be ahead of the bins if a learner ever kept the total but not the hours)
        if (learned < settings.minLogins()) {
            return null;
        }
        int hour = HourOfWeek.index(now);
        int bins = 2 * settings.neighbourHours() + 1;
        long near = 0;
        for (int offset = -settings.neighbourHours(); offset <= settings.neighbourHours(); offset++) {
            near += counts[HourOfWeek.shift(hour, offset)];
        }
        double total = learned;
        double alpha = settings.smoothing();
        double p = (near + alpha * bins) / (total + alpha * UserRiskProfile.HOURS_PER_WEEK);
        double uniform = (double) bins / UserRiskProfile.HOURS_PER_WEEK;
        double ratio = uniform / p;
        // Built by concatenation: this runs in every sign-in, and String.format costs more than the rest of the rule
        String label = HourOfWeek.label(hour);
        Map<String, String> attributes = Map.of(
                "hourOfWeek", label,
                "loginsNearHour", Long.toString(near),
                "logins", Long.toString(learned));
        if (ratio >= UNUSUAL_RATIO) {
            double logOdds = Math.min(MAX_UNUSUAL_LOG_ODDS, Math.log(ratio));
            return new RiskReason(ID, UNUSUAL_HOUR, logOdds, "Sign-in at " + label
                    + ", an hour this user rarely signs in (" + near + " of " + learned + " past logins nearby)", attributes);
        }
        if (ratio <= 1.0) {
            return new RiskReason(ID, USUAL_HOUR, USUAL_LOG_ODDS, "Sign-in at " + label + ", an hour this user often signs in",
                    attributes);
        }
        return null;
    }
}
