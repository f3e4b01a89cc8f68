package io.zerotrust.keycloak.risk.context;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Database reads run in a transaction of their own ({@link #readAside}): a failing query marks only that
 * transaction rollback-only, never the login's, so the sign-in goes on at the fallback level instead of ending in
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
        ProfileRead profile = profile(session, user);

        return source.context(realm, now)
                .userId(user.getId())
                .cookies(cookies)
                .profile(profile.profile())
                .profileProblem(profile.problem())
                .device(device)
                .failures(failures(session, realm, user.getId(), source.ip(), source.geo(), now))
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
                .failures(sourceFailures ? failures(session, realm, null, source.ip(), source.geo(), now) : null)
                .build();
    }

    /** What the request tells before anyone is known: its headers, its address and that address's GeoIP facts. */
    private record Source(Map<String, String> headers, String ip, GeoLookup geo) {

        static Source of(KeycloakSession session) {
            HttpRequest request = session.getContext().getHttpRequest();
            Map<String, String> headers = RequestHeaders.firstValues(request == null ? null : request.getHttpHeaders());
            // Keycloak's own resolution: honours --proxy-headers and --proxy-trusted-addresses, never a raw header
            String ip = session.getContext().getConnection().getRemoteAddr();
            GeoLookup geo = SignInLocation.of(session, ip);
            // The sign-in's one lookup: its later steps and events read it back instead of looking up again
            SignInLocation.carry(session.getContext().getAuthenticationSession(), ip, geo);
            return new Source(headers, ip, geo);
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

    /** The profile, or why it could not be read. */
    private record ProfileRead(UserRiskProfile profile, String problem) {
    }

    private static ProfileRead profile(KeycloakSession session, UserModel user) {
        try {
            return new ProfileRead(readAside(session, s -> new UserRiskProfileStore(s).load(user.getId())), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not read the risk profile of user %s; the signals that need it are unavailable", user.getId());
            return new ProfileRead(UserRiskProfile.empty(), "the risk profile could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Runs a read in a session and transaction of its own; Keycloak suspends the login's transaction meanwhile (and
     * a failure rolls back only this one). Evaluators must never make the login fail.
     */
    static <V> V readAside(KeycloakSession session, KeycloakSessionTaskWithResult<V> read) {
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), read);
    }

    /** @param userId the user, or null for the source's failures only */
    private static FailureCounts failures(KeycloakSession session, RealmModel realm, String userId, String ip,
                                          GeoLookup geo, Instant now) {
        var factory = session.getKeycloakSessionFactory()
                .getProviderFactory(RiskEvaluatorProvider.class, LoginFailuresEvaluator.ID);
        if (!(factory instanceof LoginFailuresEvaluatorFactory failuresFactory)) {
            return null;
        }
        FailureWindow window = failuresFactory.failureWindow(session);
        String network = CredentialFailure.network(geo.location() == null ? null : geo.location().asn());
        try {
            List<FailureRecord> recent = readAside(session, s -> new LoginFailureStore(s)
                    .recent(realm.getId(), userId, ip, network, now, window.length()));
            return window.count(recent, userId, ip, network, now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not count recent login failures for realm %s", realm.getName());
            return null;
        }
    }
}
