package io.zerotrust.keycloak.risk.velocity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;

/**
 * Reads recent failed logins ({@link RiskContext#failures()}) for signs of guessing:
 * <ul>
 *   <li>{@code LOGIN_FAILURES_USER}: this user failed repeatedly from this address or its network; grows with the
 *       count, capped, since a few typos are normal but a run of failures is someone guessing. Failures of the user
 *       from elsewhere do not count: otherwise anyone could raise a victim's risk by failing their account;</li>
 *   <li>{@code PASSWORD_SPRAY_IP}: many users failed only once or twice each from this address (few passwords
 *       tried against many accounts);</li>
 *   <li>{@code CREDENTIAL_STUFFING_IP}: many users failed from this address, otherwise;</li>
 *   <li>{@code CREDENTIAL_STUFFING_NETWORK}: many users failed from this address's network, the attack spread over
 *       many addresses.</li>
 * </ul>
 * The three attack rules are {@link CrossAccountAttack}, the judgement the event scorer's findings share: at most
 * one of them is reported.
 */
public final class LoginFailuresEvaluator implements RiskEvaluator {

    public static final String ID = "login-failures";

    public static final String USER_FAILURES = "LOGIN_FAILURES_USER";
    public static final String STUFFING_IP = "CREDENTIAL_STUFFING_IP";
    public static final String SPRAY_IP = "PASSWORD_SPRAY_IP";
    public static final String STUFFING_NETWORK = "CREDENTIAL_STUFFING_NETWORK";

    /** Log-odds at the user threshold; each further failure adds {@link #USER_STEP_LOG_ODDS}, up to the cap. */
    public static final double USER_BASE_LOG_ODDS = 1.0;
    public static final double USER_STEP_LOG_ODDS = 0.5;
    public static final double USER_MAX_LOG_ODDS = 3.0;
    public static final double STUFFING_IP_LOG_ODDS = 4.0;
    public static final double SPRAY_IP_LOG_ODDS = 5.0;
    public static final double STUFFING_NETWORK_LOG_ODDS = 3.0;

    private final LoginFailuresSettings settings;

    public LoginFailuresEvaluator(LoginFailuresSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    public LoginFailuresSettings settings() {
        return settings;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        FailureCounts counts = context.failures();
        if (counts == null) {
            return EvaluatorResult.unavailable(ID, "failure counts could not be read");
        }
        List<RiskReason> reasons = new ArrayList<>(2);
        String window = Integer.toString(settings.windowMinutes());
        if (counts.userFailures() >= settings.userFailuresThreshold()) {
            int extra = counts.userFailures() - settings.userFailuresThreshold();
            double logOdds = Math.min(USER_MAX_LOG_ODDS, USER_BASE_LOG_ODDS + USER_STEP_LOG_ODDS * extra);
            reasons.add(new RiskReason(ID, USER_FAILURES, logOdds,
                    counts.userFailures() + " failed logins for this user from this address or network in the last "
                            + window + " minutes",
                    Map.of("failures", Integer.toString(counts.userFailures()), "windowMinutes", window)));
        }
        RiskReason attack = attackReason(counts, window);
        if (attack != null) {
            reasons.add(attack);
        }
        return EvaluatorResult.of(ID, reasons);
    }

    private RiskReason attackReason(FailureCounts counts, String window) {
        CrossAccountAttack attack = CrossAccountAttack.of(counts, settings);
        if (attack == null) {
            return null;
        }
        return switch (attack) {
            case SPRAY_IP -> new RiskReason(ID, SPRAY_IP, SPRAY_IP_LOG_ODDS,
                    counts.ipUsersWithFewFailures() + " accounts failed once or twice each from this address in the last "
                            + window + " minutes (password spraying)",
                    Map.of("users", Integer.toString(counts.ipUsersWithFewFailures()), "windowMinutes", window));
            case STUFFING_IP -> new RiskReason(ID, STUFFING_IP, STUFFING_IP_LOG_ODDS,
                    counts.ipDistinctUsers() + " accounts failed from this address in the last " + window
                            + " minutes (credential stuffing)",
                    Map.of("users", Integer.toString(counts.ipDistinctUsers()),
                            "failures", Integer.toString(counts.ipFailures()), "windowMinutes", window));
            case STUFFING_NETWORK -> new RiskReason(ID, STUFFING_NETWORK, STUFFING_NETWORK_LOG_ODDS,
                    counts.networkDistinctUsers() + " accounts failed from this address's network in the last " + window
                            + " minutes (distributed credential stuffing)",
                    Map.of("users", Integer.toString(counts.networkDistinctUsers()), "windowMinutes", window));
        };
    }
}
