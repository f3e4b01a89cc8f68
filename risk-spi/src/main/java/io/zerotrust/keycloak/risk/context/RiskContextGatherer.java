package io.zerotrust.keycloak.risk.context;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.posture.PostureAssertions;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.profile.UserRiskProfileStore;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.velocity.CredentialFailure;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;
import io.zerotrust.keycloak.risk.velocity.LoginFailureStore;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluatorFactory;
import org.jboss.logging.Logger;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTaskWithResult;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Gathers everything evaluators look at, once per assessment and before any of them runs: the client address
 * as Keycloak resolved it, its GeoIP facts (the sign-in's one lookup, {@link SignInLocation}), the user's profile
 * and recent failures. A source that fails is recorded as missing, so the evaluators that need it report themselves
 * unavailable.
 *
 * <p>Database reads run in a transaction of their own ({@link #readAside}), one per assessment (two when the profile
 * cannot be read): a failing query marks
 * only that transaction rollback-only, never the login's, so the sign-in goes on at the fallback level instead of ending in
 * an error page when the transaction commits.
 */
public final class RiskContextGatherer {

    private static final Logger LOG = Logger.getLogger(RiskContextGatherer.class);

    private RiskContextGatherer() {
    }

    public static RiskContext gather(KeycloakSession session, RealmModel realm, UserModel user, DeviceSignal device, Instant now) {
        HttpRequest request = session.getContext().getHttpRequest();
        Map<String, String> cookies = new HashMap<>();
        if (request != null) {
            request.getHttpHeaders().getCookies().forEach((name, cookie) -> {
                if (cookie != null && cookie.getValue() != null) {
                    cookies.put(name, cookie.getValue());
                }
            });
        }
        Source source = Source.of(session);
        StoredFacts stored = StoredFacts.read(session, realm, user, source, now);

        return source.context(realm, now)
                .userId(user.getId())
                .cookies(cookies)
                .profile(stored.profile())
                .profileProblem(stored.profileProblem())
                .device(device)
                .failures(stored.failures())
                .userAttributes(packAttributes(user))
                .posture(PostureAssertions.check(session, realm, source.headers(),
                        device == null ? DeviceSignal.absent() : device, now))
                .build();
    }

    /**
     * The context of a sign-in whose user is not known yet (before the username and password): only what the
     * network tells, that is the client address as Keycloak resolved it, its GeoIP facts and the request headers.
     * No profile, device or marks, so evaluators that judge the user see a new user with nothing to say.
     * For decisions that must not depend on the account or its password (zt-condition-network).
     *
     * @param sourceFailures also count the recent failures from the address and its network (a database read),
     *                       for the login-failures evaluator's per-source reasons; otherwise failures are unknown
     */
    public static RiskContext gatherWithoutUser(KeycloakSession session, RealmModel realm, Instant now, boolean sourceFailures) {
        Source source = Source.of(session);
        return source.context(realm, now)
                .failures(sourceFailures ? readFailures(session, FailureQuery.of(session, realm, null, source, now)) : null)
                .build();
    }

    /** What the request tells before anyone is known: its headers, its address and that address's GeoIP facts. */
    private record Source(Map<String, String> headers, String ip, GeoLookup geo) {

        /** Keycloak-session (that is, per-request) attribute: the network check and the assessment share it. */
        private static final String ATTRIBUTE = "zt.risk.source";

        static Source of(KeycloakSession session) {
            Source known = session.getAttribute(ATTRIBUTE, Source.class);
            if (known == null) {
                known = read(session);
                session.setAttribute(ATTRIBUTE, known);
            }
            // The sign-in's one lookup: its later steps and events read it back instead of looking up again
            SignInLocation.carry(session.getContext().getAuthenticationSession(), known.ip(), known.geo());
            return known;
        }

        private static Source read(KeycloakSession session) {
            HttpRequest request = session.getContext().getHttpRequest();
            Map<String, String> headers = RequestHeaders.firstValues(request == null ? null : request.getHttpHeaders());
            // Keycloak's own resolution: honours --proxy-headers and --proxy-trusted-addresses, never a raw header
            String ip = session.getContext().getConnection().getRemoteAddr();
            return new Source(Map.copyOf(headers), ip, SignInLocation.of(session, ip));
        }

        RiskContext.Builder context(RealmModel realm, Instant now) {
            return RiskContext.builder(realm.getName(), now)
                    .clientIp(ip)
                    .userAgent(headers.get("user-agent"))
                    .headers(headers)
                    .location(geo.location())
                    .locationProblem(geo.problem());
        }
    }

    /** Only the pack's own marks ({@code zt.*}); the rest of the user's attributes are none of the evaluators' business. */
    private static Map<String, String> packAttributes(UserModel user) {
        Map<String, String> marks = new HashMap<>();
        user.getAttributes().forEach((name, values) -> {
            if (name.startsWith("zt.") && values != null && !values.isEmpty() && values.get(0) != null) {
                marks.put(name, values.get(0));
            }
        });
        return marks;
    }

    /**
     * What the database knows of the sign-in: the user's profile (or why it could not be read) and the recent
     * failures from its address and network (null when unknown). Both are read in one transaction aside, since a
     * session and a transaction cost as much as the reads. When the profile cannot be read, the failures are read
     * again in a transaction of their own: on some databases (PostgreSQL) a failed statement aborts the whole
     * transaction.
     */
    private record StoredFacts(UserRiskProfile profile, String profileProblem, FailureCounts failures) {

        static StoredFacts read(KeycloakSession session, RealmModel realm, UserModel user, Source source, Instant now) {
            FailureQuery failures = FailureQuery.of(session, realm, user.getId(), source, now);
            AtomicReference<UserRiskProfile> profile = new AtomicReference<>();
            AtomicReference<FailureCounts> counted = new AtomicReference<>();
            try {
                readAside(session, s -> {
                    profile.set(new UserRiskProfileStore(s).load(user.getId()));
                    counted.set(countFailures(s, failures));
                    return null;
                });
                return new StoredFacts(profile.get(), null, counted.get());
            } catch (RuntimeException e) {
                if (profile.get() != null) {
                    // both reads ran; only ending the transaction aside failed, which changes neither
                    LOG.warnf(e, "The risk reads of user %s could not be ended cleanly; their results stand", user.getId());
                    return new StoredFacts(profile.get(), null, counted.get());
                }
                LOG.errorf(e, "Could not read the risk profile of user %s; the signals that need it are unavailable", user.getId());
                return new StoredFacts(UserRiskProfile.empty(),
                        "the risk profile could not be read (" + e.getClass().getSimpleName() + ")", readFailures(session, failures));
            }
        }
    }

    /**
     * Runs a read in a session and transaction of its own; Keycloak suspends the login's transaction meanwhile (and
     * a failure rolls back only this one). Evaluators must never make the login fail.
     */
    static <V> V readAside(KeycloakSession session, KeycloakSessionTaskWithResult<V> read) {
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), read);
    }

    /** The recent failures that count for a sign-in, as the login-failures evaluator's window defines them. */
    private record FailureQuery(String realmId, String realmName, String userId, String ip, String network,
                                Instant now, FailureWindow window) {

        /** @param userId the user, or null for the source's failures only; null when login-failures is not deployed */
        static FailureQuery of(KeycloakSession session, RealmModel realm, String userId, Source source, Instant now) {
            var factory = session.getKeycloakSessionFactory()
                    .getProviderFactory(RiskEvaluatorProvider.class, LoginFailuresEvaluator.ID);
            if (!(factory instanceof LoginFailuresEvaluatorFactory failuresFactory)) {
                return null;
            }
            GeoLookup geo = source.geo();
            String network = CredentialFailure.network(geo.location() == null ? null : geo.location().asn());
            return new FailureQuery(realm.getId(), realm.getName(), userId, source.ip(), network, now,
                    failuresFactory.failureWindow(session));
        }

        FailureCounts count(KeycloakSession session) {
            List<FailureRecord> recent = new LoginFailureStore(session)
                    .recent(realmId, userId, ip, network, now, window.length());
            return window.count(recent, userId, ip, network, now);
        }
    }

    /** The failures in the given session's transaction; null (unknown) when they cannot be counted. */
    private static FailureCounts countFailures(KeycloakSession session, FailureQuery query) {
        if (query == null) {
            return null;
        }
        try {
            return query.count(session);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not count recent login failures for realm %s", query.realmName());
            return null;
        }
    }

    /** The failures in a transaction of their own. */
    private static FailureCounts readFailures(KeycloakSession session, FailureQuery query) {
        if (query == null) {
            return null;
        }
        try {
            return readAside(session, s -> countFailures(s, query));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not count recent login failures for realm %s", query.realmName());
            return null;
        }
    }
}
