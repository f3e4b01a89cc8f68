package io.zerotrust.keycloak.events.feedback;

import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.anomaly.FindingReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackServiceTest {

    private final RecentFindings findings = new RecentFindings(3);
    private final FeedbackService service = new FeedbackService(findings);
    private final Analyst analyst = new Analyst(true, true, "soc-1");
    private final List<AnomalyFinding> learned = new ArrayList<>();

    private static AnomalyFinding finding(String id, String realm) {
        return new AnomalyFinding(id, 1, realm, "u-1", null, "203.0.113.7", null, FindingKind.UNUSUAL_LOGIN, 60,
                FindingLevel.MEDIUM, List.of(new FindingReason("NEW_COUNTRY", "country BR not seen")));
    }

    @Test
    void statusCodes() {
        findings.add(finding("f1", "r1"));
        assertThat(service.feedback(Analyst.ANONYMOUS, "r1", "f1", "{}", learned::add).status()).isEqualTo(401);
        assertThat(service.feedback(new Analyst(true, false, "u"), "r1", "f1", "{}", learned::add).status()).isEqualTo(403);
        assertThat(service.feedback(analyst, "r1", "nope", "{\"verdict\":\"true_positive\"}", learned::add).status())
                .isEqualTo(404);
        assertThat(service.feedback(analyst, "r2", "f1", "{\"verdict\":\"true_positive\"}", learned::add).status())
                .as("another realm's finding").isEqualTo(404);
        assertThat(service.feedback(analyst, "r1", "f1", "{\"verdict\":\"maybe\"}", learned::add).status()).isEqualTo(400);
        assertThat(service.feedback(analyst, "r1", "f1", "not json", learned::add).status()).isEqualTo(400);
        assertThat(service.feedback(analyst, "r1", "f1", "{\"verdict\":\"true_positive\",\"note\":5}", learned::add)
                .status()).isEqualTo(400);
        assertThat(service.list(Analyst.ANONYMOUS, "r1").status()).isEqualTo(401);
        assertThat(learned).isEmpty();
    }

    @Test
    void falsePositiveIsRecordedAndTaughtTruePositiveIsNot() {
        findings.add(finding("f1", "r1"));
        findings.add(finding("f2", "r1"));

        FeedbackService.Reply reply = service.feedback(analyst, "r1", "f1",
                "{\"verdict\":\"false_positive\",\"note\":\"travelling\"}", learned::add);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/feedback/verdict").asText()).isEqualTo("false_positive");
        assertThat(reply.body().at("/feedback/analyst").asText()).isEqualTo("soc-1");
        assertThat(learned).extracting(AnomalyFinding::id).containsExactly("f1");

        assertThat(service.feedback(analyst, "r1", "f2", "{\"verdict\":\"true_positive\"}", learned::add).status())
                .isEqualTo(200);
        assertThat(learned).hasSize(1);

        FeedbackService.Reply list = service.list(analyst, "r1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        assertThat(list.body().get(0).get("id").asText()).isEqualTo("f2");
        assertThat(list.body().get(1).at("/feedback/note").asText()).isEqualTo("travelling");
    }

    @Test
    void keepsOnlyTheMostRecent() {
        for (int i = 0; i < 5; i++) {
            findings.add(finding("f" + i, "r1"));
        }
        assertThat(findings.get("f0")).isNull();
        assertThat(findings.list("r1", 10)).extracting(e -> e.finding().id()).containsExactly("f4", "f3", "f2");
    }
}
