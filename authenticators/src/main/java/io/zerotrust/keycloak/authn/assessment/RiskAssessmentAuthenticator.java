package io.zerotrust.keycloak.authn.assessment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Runs every enabled risk evaluator once the user is known and records the verdict in the authentication
 * session and the event. It never blocks or fails the login itself: later steps act on the level.
 */
public class RiskAssessmentAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RiskAssessmentAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticatorConfigModel configModel = context.getAuthenticatorConfig();
        RiskPolicy policy = RiskPolicyConfig.read(configModel == null ? null : configModel.getConfig(),
                problem -> LOG.warnf("Realm %s, risk assessment config %s: %s", context.getRealm().getName(),
                        configModel == null ? "-" : configModel.getAlias(), problem));

        List<RiskEvaluatorProvider> evaluators = context.getSession().getKeycloakSessionFactory()
                .getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .map(factory -> (RiskEvaluatorProvider) factory.create(context.getSession()))
                .toList();
        RiskAssessment assessment = EvaluationRun.assess(evaluators, toRiskContext(context), policy);

        String reasons = String.join(",", assessment.reasonCodes());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RiskNotes.SCORE, Integer.toString(assessment.score()));
        authSession.setAuthNote(RiskNotes.LEVEL, assessment.level().name());
        authSession.setAuthNote(RiskNotes.REASONS, reasons);
        context.getEvent()
                .detail(RiskNotes.EVENT_SCORE, Integer.toString(assessment.score()))
                .detail(RiskNotes.EVENT_LEVEL, assessment.level().name())
                .detail(RiskNotes.EVENT_REASONS, reasons);
        LOG.debugf("Realm %s user %s: risk %d %s [%s]", context.getRealm().getName(), context.getUser().getId(),
                assessment.score(), assessment.level(), reasons);
        context.success();
    }

    static RiskContext toRiskContext(AuthenticationFlowContext context) {
        HttpRequest request = context.getHttpRequest();
        Map<String, String> headers = new HashMap<>();
        request.getHttpHeaders().getRequestHeaders().forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty() && values.get(0) != null) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        Map<String, String> cookies = new HashMap<>();
        request.getHttpHeaders().getCookies().forEach((name, cookie) -> {
            if (cookie != null && cookie.getValue() != null) {
                cookies.put(name, cookie.getValue());
            }
        });
        return RiskContext.builder(context.getRealm().getName(), Instant.now())
                .userId(context.getUser().getId())
                .clientIp(context.getConnection().getRemoteAddr())
                .userAgent(headers.get("user-agent"))
                .headers(headers)
                .cookies(cookies)
                .build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
