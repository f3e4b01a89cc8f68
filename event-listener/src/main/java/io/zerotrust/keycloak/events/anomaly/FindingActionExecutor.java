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
 * transaction of its own. Findings about a source (stuffing, spray) name no user and have no user actions.
 */
public class FindingActionExecutor {

    private static final Logger LOG = Logger.getLogger(FindingActionExecutor.class);

    private final KeycloakSessionFactory sessionFactory;
    private final Map<FindingLevel, Set<FindingAction>> actions;
    private final Duration stepUpTtl;
    private final Clock clock;

    public FindingActionExecutor(KeycloakSessionFactory sessionFactory, Map<FindingLevel, Set<FindingAction>> actions,
                                 Duration stepUpTtl, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.actions = Map.copyOf(actions);
        this.stepUpTtl = stepUpTtl;
        this.clock = clock;
    }

    public void execute(AnomalyFinding finding) {
        Set<FindingAction> todo = actions.getOrDefault(finding.level(), Set.of(FindingAction.EMIT));
        List<String> accounts = finding.userId() != null ? List.of(finding.userId()) : finding.accounts();
        if (accounts.isEmpty() || (!todo.contains(FindingAction.STEP_UP) && !todo.contains(FindingAction.REVOKE_SESSIONS))) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                RealmModel realm = session.realms().getRealm(finding.realmId());
                if (realm == null) {
                    return;
                }
                // A background session has no realm; user and session lookups refuse to run without one
                session.getContext().setRealm(realm);
                for (String account : accounts) {
                    UserModel user = user(session, realm, account);
                    if (user == null) {
                        // an attacker's guess at a username that does not exist: nobody to protect
                        LOG.debugf("Finding %s: no user %s; no action", finding.id(), account);
                        continue;
                    }
                    act(session, realm, user, finding, todo);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not carry out %s for finding %s", todo, finding.id());
        }
    }

    private static UserModel user(KeycloakSession session, RealmModel realm, String account) {
        return account.startsWith("name:")
                ? session.users().getUserByUsername(realm, account.substring("name:".length()))
                : session.users().getUserById(realm, account);
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
            List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
            offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
            LOG.infof("Finding %s (%s, %s): revoked %d sessions and %d offline sessions of user %s",
                    finding.id(), finding.kind(), finding.reasonCodes(), online.size(), offline.size(), user.getId());
        }
    }
}
