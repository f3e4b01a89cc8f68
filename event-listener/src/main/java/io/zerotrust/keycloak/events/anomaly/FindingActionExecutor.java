package io.zerotrust.keycloak.events.anomaly;

import io.zerotrust.keycloak.risk.anomaly.StepUpMark;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Carries out a finding's actions in Keycloak: runs on the event worker, never a request thread, in a
 * transaction of its own. User actions apply only to the user the evidence is about ({@link AnomalyFinding#userId()}:
 * their own sign-in or session). A finding about a source (stuffing, spray) only reports: the accounts it names
 * were targeted, not compromised, and whoever fails a password for them must not be able to log them out or mark
 * them. The source itself is made riskier by the {@code login-failures} evaluator, which reads the same failures
 * from the database on every node.
 */
public class FindingActionExecutor {

    private static final Logger LOG = Logger.getLogger(FindingActionExecutor.class);

    private final KeycloakSessionFactory sessionFactory;
    private final Map<FindingLevel, Set<FindingAction>> actions;
    private final Duration stepUpTtl;
    private final boolean revokeOffline;
    private final Clock clock;

    /**
     * @param revokeOffline whether {@link FindingAction#REVOKE_SESSIONS} also ends offline sessions (long-lived
     *                      tokens of apps and devices the user set up); off by default
     */
    public FindingActionExecutor(KeycloakSessionFactory sessionFactory, Map<FindingLevel, Set<FindingAction>> actions,
                                 Duration stepUpTtl, boolean revokeOffline, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.actions = Map.copyOf(actions);
        this.stepUpTtl = stepUpTtl;
        this.revokeOffline = revokeOffline;
        this.clock = clock;
    }

    /** The actions this finding gets: none on users unless the finding is about one user's own evidence. */
    public Set<FindingAction> actionsFor(AnomalyFinding finding) {
        if (finding.userId() == null || finding.kind().aboutSource()) {
            return Set.of(FindingAction.EMIT);
        }
        return actions.getOrDefault(finding.level(), Set.of(FindingAction.EMIT));
    }

    public void execute(AnomalyFinding finding) {
        Set<FindingAction> todo = actionsFor(finding);
        if (!todo.contains(FindingAction.STEP_UP) && !todo.contains(FindingAction.REVOKE_SESSIONS)) {
            if (!finding.accounts().isEmpty()) {
                LOG.debugf("Finding %s (%s) about a source: reported, no action on the %d accounts it targeted",
                        finding.id(), finding.kind(), finding.accounts().size());
            }
            return;
        }
        String account = finding.userId();
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                RealmModel realm = session.realms().getRealm(finding.realmId());
                if (realm == null) {
                    return;
                }
                // A background session has no realm; user and session lookups refuse to run without one
                session.getContext().setRealm(realm);
                UserModel user = session.users().getUserById(realm, account);
                if (user == null) {
                    LOG.debugf("Finding %s: user %s is gone; no action", finding.id(), account);
                    return;
                }
                act(session, realm, user, finding, todo);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not carry out %s for finding %s", todo, finding.id());
        }
    }

    private void act(KeycloakSession session, RealmModel realm, UserModel user, AnomalyFinding finding,
                     Set<FindingAction> todo) {
        if (todo.contains(FindingAction.STEP_UP)) {
            user.setSingleAttribute(StepUpMark.ATTRIBUTE,
                    new StepUpMark(finding.id(), clock.instant().plus(stepUpTtl)).format());
        }
        if (todo.contains(FindingAction.REVOKE_SESSIONS)) {
            List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
            online.forEach(s -> session.sessions().removeUserSession(realm, s));
            List<UserSessionModel> offline = revokeOffline
                    ? session.sessions().getOfflineUserSessionsStream(realm, user).toList() : List.of();
            offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            LOG.infof("Finding %s (%s, %s): revoked %d sessions and %d offline sessions of user %s",
                    finding.id(), finding.kind(), finding.reasonCodes(), online.size(), offline.size(), user.getId());
        }
    }
}
