package io.zerotrust.keycloak.events.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailySignInsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static long at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void countsLoginsByLevelPromptsAndRefusalsPerUtcDay() {
        DailySignIns counts = new DailySignIns(TODAY, 3);
        LocalDate yesterday = TODAY.minusDays(1);
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 9), "LOGIN", Map.of("zt_risk_level", "LOW")));
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 10), "LOGIN", Map.of("zt_risk_level", "MEDIUM")));
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 11), "LOGIN", Map.of()));
        counts.add(new DailySignIns.StoredEvent(at(yesterday, 23), "LOGIN", Map.of("zt_risk_level", "HIGH")));
        counts.add(new DailySignIns.StoredEvent(at(yesterday, 1), "LOGIN_ERROR", Map.of("zt_reference", "ABCDE-FGHJK")));
        // a wrong password is no refusal by the pack
        counts.add(new DailySignIns.StoredEvent(at(yesterday, 2), "LOGIN_ERROR", Map.of()));
        // outside the days asked for
        counts.add(new DailySignIns.StoredEvent(at(TODAY.minusDays(3), 12), "LOGIN", Map.of("zt_risk_level", "LOW")));
        counts.add(new DailySignIns.StoredEvent(at(TODAY.plusDays(1), 0), "LOGIN", Map.of("zt_risk_level", "LOW")));

        List<DailySignIns.Day> days = counts.days();
        assertThat(days).extracting(DailySignIns.Day::date).containsExactly(TODAY.minusDays(2), yesterday, TODAY);
        assertThat(days.get(0).signIns()).isZero();
        assertThat(days.get(1)).isEqualTo(new DailySignIns.Day(yesterday, 0, 0, 1, 0, 1, 1));
        assertThat(days.get(2)).isEqualTo(new DailySignIns.Day(TODAY, 1, 1, 0, 1, 1, 0));
        assertThat(counts.fromMillis()).isEqualTo(at(TODAY.minusDays(2), 0));
    }

    @Test
    void aRangeOfNoDaysIsRefused() {
        assertThatThrownBy(() -> new DailySignIns(TODAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChartStatesItsNumbersInTextAndEscapesTheRealmName() {
        DailySignIns counts = new DailySignIns(TODAY, 2);
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 9), "LOGIN", Map.of("zt_risk_level", "LOW")));
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 9), "LOGIN", Map.of("zt_risk_level", "MEDIUM")));
        counts.add(new DailySignIns.StoredEvent(at(TODAY, 9), "LOGIN_ERROR", Map.of("zt_reference", "R")));
        String svg = SignInChart.svg("<acme & co>", counts.days());
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("&lt;acme &amp; co&gt;").doesNotContain("<acme")
                .contains("2026-12-01: 2 sign-ins (LOW 1, MEDIUM 1, HIGH 0, not assessed 0), 1 asked for more, 1 refused")
                .contains(">refused</text>").contains(">12-01</text>");
    }
}
