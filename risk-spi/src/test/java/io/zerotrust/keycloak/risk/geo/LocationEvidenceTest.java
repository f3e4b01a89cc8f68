package io.zerotrust.keycloak.risk.geo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEngine;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluator;
import io.zerotrust.keycloak.risk.travel.TravelSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code geo} and {@code impossible-travel} together through the engine, as a sign-in is judged. */
class LocationEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<RiskEvaluator> EVALUATORS = List.of(new GeoEvaluator(GeoSettings.defaults()),
            new ImpossibleTravelEvaluator(TravelSettings.defaults()));

    /** Signed in from Berlin on AS64500 an hour ago. */
    private static final UserRiskProfile BERLIN_AN_HOUR_AGO = new UserRiskProfile(Map.of("DE", NOW.minusSeconds(3600)),
            Map.of("DE/Berlin", NOW.minusSeconds(3600)), Map.of("64500", NOW.minusSeconds(3600)), Map.of(),
            new UserRiskProfile.LastLogin(NOW.minus(Duration.ofHours(1)), "192.0.2.1", "DE", "Berlin", 52.52, 13.40, 20,
                    "Firefox", "Linux"), new int[UserRiskProfile.HOURS_PER_WEEK], 12);

    private static RiskAssessment assess(GeoLocation here) {
        RiskContext context = RiskContext.builder("demo", NOW).userId("u1").clientIp("198.51.100.7").location(here)
                .profile(BERLIN_AN_HOUR_AGO).build();
        return EvaluationRun.assess(EVALUATORS, context, RiskPolicy.defaults());
    }

    @Test
    void aJumpToTokyoCountsTravelInFullAndTheNewCountryAndNetworkAtHalf() {
        RiskAssessment assessment = assess(new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 64501L,
                "Example Broadband", false, false, false, false));

        assertThat(assessment.contributions()).extracting(c -> c.reason().code(), RiskAssessment.Contribution::weightedLogOdds)
                .containsExactly(tuple("GEO_NEW_COUNTRY", 1.0), tuple("GEO_NEW_NETWORK", 0.25),
                        tuple("IMPOSSIBLE_TRAVEL", 5.0));
        assertThat(assessment.contributions().get(0).reason().message()).isEqualTo(
                "Sign-in from a new country: Japan (counted at 50%: partly the same fact as IMPOSSIBLE_TRAVEL)");
        assertThat(assessment.contributions().get(0).reason().attributes())
                .containsEntry(RiskEngine.CORRELATED_WITH, "IMPOSSIBLE_TRAVEL").containsEntry("country", "Japan");
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theSameJumpThroughAVpnExitIsStillHigh() {
        // travel is judged weakly (+1.5) on a VPN exit, but the new country then counts in full and the VPN by itself
        RiskAssessment assessment = assess(new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 64502L,
                "Example VPN", true, true, false, false));

        assertThat(assessment.contributions()).extracting(c -> c.reason().code(), RiskAssessment.Contribution::weightedLogOdds)
                .containsExactlyInAnyOrder(tuple("GEO_ANONYMOUS_VPN", 2.0), tuple("GEO_HOSTING_PROVIDER", 0.0),
                        tuple("GEO_NEW_COUNTRY", 2.0), tuple("GEO_NEW_NETWORK", 0.25), tuple("IMPOSSIBLE_TRAVEL", 0.75));
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theSameJumpFromANetworkOnTheHostingAsnListIsStillHigh() {
        // Without the Anonymous-IP database the list says hosting only: travel is judged weakly, hosting counts
        RiskAssessment assessment = assess(new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 16509L,
                "Amazon.com, Inc.", false, true, false, false, HostingSource.ASN_LIST));

        assertThat(assessment.contributions()).extracting(c -> c.reason().code(), RiskAssessment.Contribution::weightedLogOdds)
                .containsExactlyInAnyOrder(tuple("GEO_HOSTING_PROVIDER", 1.5), tuple("GEO_NEW_COUNTRY", 2.0),
                        tuple("GEO_NEW_NETWORK", 0.25), tuple("IMPOSSIBLE_TRAVEL", 0.75));
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }
}
