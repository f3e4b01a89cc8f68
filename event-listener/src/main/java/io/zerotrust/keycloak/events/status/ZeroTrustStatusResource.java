package io.zerotrust.keycloak.events.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.feedback.FeedbackService;
import io.zerotrust.keycloak.events.feedback.FindingStore;
import io.zerotrust.keycloak.events.feedback.StoredFindings;
import io.zerotrust.keycloak.events.outbox.DeadLetterEntity;
import io.zerotrust.keycloak.events.outbox.OutboxStore;
import io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory;
import io.zerotrust.keycloak.risk.geo.GeoIpProvider;
import io.zerotrust.keycloak.risk.spi.EffectiveOptions;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.tuning.RealmTuning;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/zero-trust}: the pack's state for the realm's admins, with their admin token (the
 * admin console's own). {@code status} needs view-realm (findings also view-users); the sign-in counts need
 * view-events, since they are read from the realm's stored events, and so do the dead letters, which hold events.
 */
public class ZeroTrustStatusResource {

    /** Days the counts may span; more would make the query a report, not a page. */
    static final int MAX_DAYS = 31;
    static final int DEFAULT_DAYS = 14;
    /** Stored events read at most per request, so a busy realm cannot make the page a heavy query. */
    static final int MAX_EVENTS = 50_000;
    static final int FINDINGS_SHOWN = 20;
    static final int DEAD_LETTERS_SHOWN = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public ZeroTrustStatusResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode status() {
        auth.realm().requireViewRealm();
        ObjectNode status = JSON.createObjectNode();
        status.put("realm", realm.getName());
        status.set("geoip", JSON.valueToTree(operationalInfo(GeoIpProvider.class)));
        ArrayNode evaluators = status.putArray("evaluators");
        session.getKeycloakSessionFactory().getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .sorted(Comparator.comparing(ProviderFactory::getId))
                .forEach(factory -> {
                    ObjectNode evaluator = evaluators.addObject();
                    evaluator.put("id", factory.getId());
                    evaluator.put("runsInRealm", !RealmTuning.disabledEvaluators(realm).contains(factory.getId()));
                    Map<String, String> overrides = RealmTuning.overrides(realm, factory.getId());
                    evaluator.set("realmOverrides", JSON.valueToTree(overrides));
                    if (factory instanceof RiskEvaluatorProviderFactory evaluatorFactory) {
                        ObjectNode settings = evaluator.putObject("settings");
                        EffectiveOptions.of(evaluatorFactory, overrides).forEach((key, option) ->
                                settings.putObject(key).put("value", option.value()).put("source", option.source()));
                    }
                });
        ProviderFactory<EventListenerProvider> events = session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, ZeroTrustEventListenerFactory.PROVIDER_ID);
        ObjectNode pipeline = status.putObject("events");
        pipeline.put("listenerEnabledInRealm", realm.getEventsListenersStream()
                .anyMatch(ZeroTrustEventListenerFactory.PROVIDER_ID::equals));
        pipeline.put("eventsStored", realm.isEventsEnabled());
        pipeline.put("deadLetters", new OutboxStore(session).deadLetters(realm.getId()));
        if (events instanceof ServerInfoAwareProviderFactory info) {
            pipeline.set("pipeline", JSON.valueToTree(info.getOperationalInfo()));
        }
        if (auth.users().canView()) {
            ArrayNode findings = status.putArray("findings");
            for (FindingStore.Entry entry : new StoredFindings(session).list(realm.getId(), FINDINGS_SHOWN)) {
                findings.add(FeedbackService.json(entry));
            }
        }
        return status;
    }

    /**
     * The realm's dead letters, newest first: records a consumer could never take (unreadable, or refused on their
     * own by a receiver), with the answer. View-events: they hold events.
     */
    @GET
    @Path("dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode deadLetters() {
        auth.realm().requireViewEvents();
        OutboxStore store = new OutboxStore(session);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("count", store.deadLetters(realm.getId()));
        ArrayNode list = answer.putArray("latest");
        for (DeadLetterEntity letter : store.deadLetters(realm.getId(), DEAD_LETTERS_SHOWN)) {
            list.addObject().put("id", letter.getId()).put("consumer", letter.getConsumer())
                    .put("reason", letter.getReason()).put("time", letter.getCreatedAt())
                    .put("record", letter.getPayload());
        }
        return answer;
    }

    @GET
    @Path("sign-ins")
    @Produces(MediaType.APPLICATION_JSON)
    public ArrayNode signIns(@QueryParam("days") Integer days) {
        ArrayNode list = JSON.createArrayNode();
        for (DailySignIns.Day day : count(days).days()) {
            list.addObject().put("date", day.date().toString()).put("signIns", day.signIns()).put("low", day.low())
                    .put("medium", day.medium()).put("high", day.high()).put("unassessed", day.unassessed())
                    .put("prompted", day.prompted()).put("refused", day.refused());
        }
        return list;
    }

    @GET
    @Path("sign-ins.svg")
    @Produces("image/svg+xml")
    public Response signInChart(@QueryParam("days") Integer days) {
        return Response.ok(SignInChart.svg(realm.getName(), count(days).days()), "image/svg+xml").build();
    }

    private DailySignIns count(Integer requestedDays) {
        auth.realm().requireViewEvents();
        int days = requestedDays == null ? DEFAULT_DAYS : Math.max(1, Math.min(MAX_DAYS, requestedDays));
        DailySignIns counts = new DailySignIns(LocalDate.now(ZoneOffset.UTC), days);
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        if (store == null) {
            return counts;
        }
        store.createQuery().realm(realm.getId()).type(EventType.LOGIN, EventType.LOGIN_ERROR)
                .fromDate(counts.fromMillis()).orderByDescTime().maxResults(MAX_EVENTS).getResultStream()
                .forEach(event -> counts.add(new DailySignIns.StoredEvent(event.getTime(), event.getType().name(),
                        event.getDetails())));
        return counts;
    }

    private Map<String, Map<String, String>> operationalInfo(Class<? extends org.keycloak.provider.Provider> type) {
        Map<String, Map<String, String>> info = new LinkedHashMap<>();
        session.getKeycloakSessionFactory().getProviderFactoriesStream(type)
                .filter(ServerInfoAwareProviderFactory.class::isInstance)
                .forEach(factory -> info.put(factory.getId(), ((ServerInfoAwareProviderFactory) factory).getOperationalInfo()));
        return info;
    }
}
