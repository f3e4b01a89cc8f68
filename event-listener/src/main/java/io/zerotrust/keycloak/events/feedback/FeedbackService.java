package io.zerotrust.keycloak.events.feedback;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingReason;

/**
 * The findings endpoint without HTTP: checks the caller, parses feedback, records the verdict, has it audited
 * and says what to answer. 401 without a valid token meant for the endpoint, 403 without the role in the token,
 * 404 for an unknown finding (one of another realm, or one trimmed before the verdict is recorded), 400 for a body that is not {@code {"verdict":"true_positive"|"false_positive","note":"..."}}.
 */
public final class FeedbackService {

    public static final String ROLE = "zt-soc-analyst";
    static final int MAX_NOTE = 2000;
    static final int LIST_LIMIT = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FindingStore findings;
    private final Clock clock;

    public FeedbackService(FindingStore findings) {
        this(findings, Clock.systemUTC());
    }

    public FeedbackService(FindingStore findings, Clock clock) {
        this.findings = findings;
        this.clock = clock;
    }

    /** What a verdict does besides being recorded. */
    public interface Effects {
        /**
         * Undoes and learns from a false positive (lifts its step-up mark, teaches the profile).
         *
         * @return what it did, for the answer: e.g. {@code taught} and {@code stepUpMarkLifted}
         */
        Map<String, Object> falsePositive(AnomalyFinding finding);

        /** Audits the recorded verdict (analyst, finding, verdict, note, time): exported to the SOC. */
        void audit(FindingStore.Entry judged);
    }

    /** Status and JSON body to answer. */
    public record Reply(int status, JsonNode body) {
    }

    public Reply list(Analyst analyst, String realmId) {
        Reply denied = check(analyst);
        if (denied != null) {
            return denied;
        }
        ArrayNode list = JSON.createArrayNode();
        for (FindingStore.Entry entry : findings.list(realmId, LIST_LIMIT)) {
            list.add(json(entry));
        }
        return new Reply(200, list);
    }

    /**
     * @param onFalsePositive told of a finding judged false positive, after the verdict is recorded
     */
    public Reply feedback(Analyst analyst, String realmId, String findingId, String body, Effects effects) {
        Reply denied = check(analyst);
        if (denied != null) {
            return denied;
        }
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return error(400, "body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return error(400, "body must be a JSON object");
        }
        Verdict verdict = Verdict.of(request.path("verdict").asText(null));
        if (verdict == null) {
            return error(400, "verdict must be \"true_positive\" or \"false_positive\"");
        }
        JsonNode noteNode = request.get("note");
        if (noteNode != null && !noteNode.isNull() && !noteNode.isTextual()) {
            return error(400, "note must be a string");
        }
        String note = noteNode == null || noteNode.isNull() ? null : noteNode.asText();
        if (note != null && note.length() > MAX_NOTE) {
            return error(400, "note must be at most " + MAX_NOTE + " characters");
        }
        FindingStore.Entry judged = findings.judge(realmId, findingId, verdict, note, analyst.userId(),
                clock.millis());
        if (judged == null) {
            // unknown, of another realm, or evicted since the analyst read it: looked up and judged in one step,
            // so that no eviction can come in between
            return unknown(findingId);
        }
        Map<String, Object> undone = verdict == Verdict.FALSE_POSITIVE ? effects.falsePositive(judged.finding()) : Map.of();
        effects.audit(judged);
        ObjectNode answer = json(judged);
        if (verdict == Verdict.FALSE_POSITIVE) {
            answer.set("effects", JSON.valueToTree(undone));
        }
        return new Reply(200, answer);
    }

    private static Reply unknown(String findingId) {
        return error(404, "unknown finding " + findingId + " (findings are kept a bounded number per realm, for a"
                + " bounded time)");
    }

    private static Reply check(Analyst analyst) {
        if (analyst == null || !analyst.authenticated()) {
            return error(401, "a bearer token meant for " + FindingsResourceProviderFactory.AUDIENCE
                    + " (its audience) is required");
        }
        if (!analyst.socAnalyst()) {
            return error(403, "the realm role " + ROLE + " is required in the token");
        }
        return null;
    }

    private static Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", status == 401 ? "unauthorized" : status == 403 ? "forbidden" : status == 404 ? "not_found"
                : "invalid_request");
        body.put("error_description", message);
        return new Reply(status, body);
    }

    /** A finding and its verdict as the findings API shows them. */
    public static ObjectNode json(FindingStore.Entry entry) {
        AnomalyFinding finding = entry.finding();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", finding.id());
        node.put("time", finding.time());
        node.put("kind", finding.kind().name());
        node.put("score", finding.score());
        node.put("level", finding.level().name());
        node.put("userId", finding.userId());
        node.put("sessionId", finding.sessionId());
        node.put("ip", finding.ip());
        node.put("network", finding.network());
        ArrayNode reasons = node.putArray("reasons");
        for (FindingReason reason : finding.reasons()) {
            reasons.addObject().put("code", reason.code()).put("text", reason.text());
        }
        if (entry.verdict() != null) {
            ObjectNode feedback = node.putObject("feedback");
            feedback.put("verdict", entry.verdict().json());
            feedback.put("note", entry.note());
            feedback.put("analyst", entry.analyst());
            feedback.put("time", entry.judgedAt());
        }
        return node;
    }
}
