package io.zerotrust.keycloak.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;

class FreemanScorerTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36";
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0";
    private static final GeoLocation DE = place("DE", 1L);
    private static final GeoLocation FR = place("FR", 2L);

    private static GeoLocation place(String country, long asn) {
        return new GeoLocation(country, country, null, null, null, null, asn, null, false, false, false, false);
    }

    private static LoginRecord login(String user, int minute, String ip, GeoLocation where, String agent, boolean teaches) {
        return new LoginRecord(user, Instant.parse("2025-02-01T10:00:00Z").plusSeconds(60L * minute), ip, where, agent,
                null, "d", teaches);
    }

    @Test
    void scoresATinyHistoryAsWorkedOutByHand() {
        List<LoginRecord> dataSet = List.of(
                login("a", 1, "192.0.2.1", DE, CHROME, true),
                login("b", 2, "198.51.100.2", FR, FIREFOX, true),
                login("a", 3, "192.0.2.1", DE, CHROME, true));
        FreemanScorer scorer = new FreemanScorer(dataSet);
        dataSet.forEach(scorer::learn);

        // a's password from b's country, network and browser, on a new address
        double risk = Math.exp(scorer.score(login("a", 4, "203.0.113.3", FR, FIREFOX, false)).risk());

        // IP: a never had any of its levels, so p(user) = p(global) / 4 and the ratio is 4.
        double ip = 4;
        // UA: a had Windows 10 and a desktop in both logins, never Firefox 134 nor this string.
        double uaUser = 0.18818295100109536 * 2 / 2 + 0.0051065150812021525 * 2 / 2;
        // Global (3 logins): the string once, smoothed by 1 / (3 + u) with u = 2 browsers + 1 OS + 1 device type + 1,
        // times the whole data set's 1 / (1 + 4) for it (one row, one value on each lower level, plus 1);
        // Firefox 134 in 1 of 3, Windows 10 and desktop in 3 of 3.
        double uaGlobal = 0.5386653840551359 * (1.0 / 5) * (1.0 / (3 + 5))
                + 0.2680451498625666 * 1 / 3 + 0.18818295100109536 * 3 / 3 + 0.0051065150812021525 * 3 / 3;
        // 2 users; a made 2 of the 3 logins
        double expected = ip * (uaGlobal / uaUser) * (1.0 / 2) / (2.0 / 3);

        assertThat(risk).isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(4.5958, within(1e-4));
    }

    @Test
    void aUsualLoginScoresFarBelowAStrangersAndAFirstLoginIsNotJudged() {
        List<LoginRecord> dataSet = List.of(
                login("a", 1, "192.0.2.1", DE, CHROME, true),
                login("b", 2, "198.51.100.2", FR, FIREFOX, true),
                login("a", 3, "192.0.2.1", DE, CHROME, true));
        FreemanScorer scorer = new FreemanScorer(dataSet);
        dataSet.forEach(scorer::learn);

        double usual = scorer.score(login("a", 4, "192.0.2.1", DE, CHROME, false)).risk();
        double stranger = scorer.score(login("a", 4, "203.0.113.3", FR, FIREFOX, false)).risk();

        assertThat(usual).isLessThan(stranger - 2);
        assertThat(scorer.score(login("c", 4, "192.0.2.1", DE, CHROME, false)).risk()).isNaN();
    }
}
