package io.zerotrust.keycloak.risk.velocity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureWindowTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private static final FailureWindow WINDOW = new FailureWindow(Duration.ofMinutes(15));
    private static final String ATTACKER = "203.0.113.9";
    private static final String ASN = "64500";

    private static FailureRecord failure(int minutesAgo, String user, String ip, String network) {
        return new FailureRecord(NOW.minus(Duration.ofMinutes(minutesAgo)), user, ip, network);
    }

    @Test
    void credentialStuffingManyUsersWithManyFailuresEach() {
        List<FailureRecord> records = new ArrayList<>();
        for (int u = 0; u < 8; u++) {
            for (int i = 0; i < 4; i++) {
                records.add(failure(i, "user" + u, ATTACKER, ASN));
            }
        }

        FailureCounts counts = WINDOW.count(records, "user0", ATTACKER, ASN, NOW);

        assertThat(counts).isEqualTo(new FailureCounts(4, 32, 8, 0, 8));
    }

    @Test
    void passwordSprayManyUsersWithOneOrTwoFailuresEach() {
        List<FailureRecord> records = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            records.add(failure(1, "user" + u, ATTACKER, ASN));
            if (u % 2 == 0) {
                records.add(failure(2, "user" + u, ATTACKER, ASN));
            }
        }

        FailureCounts counts = WINDOW.count(records, "victim", ATTACKER, ASN, NOW);

        assertThat(counts).isEqualTo(new FailureCounts(0, 15, 10, 10, 10));
    }

    @Test
    void oneUsersTyposStayOneUser() {
        List<FailureRecord> records = List.of(
                failure(3, "alice", "198.51.100.7", "64501"),
                failure(2, "alice", "198.51.100.7", "64501"));

        FailureCounts counts = WINDOW.count(records, "alice", "198.51.100.7", "64501", NOW);

        assertThat(counts).isEqualTo(new FailureCounts(2, 2, 1, 1, 1));
    }

    @Test
    void onlyRecordsInsideTheWindowAndMatchingThisAttemptCount() {
        List<FailureRecord> records = List.of(
                failure(16, "alice", ATTACKER, ASN),             // too old
                failure(15, "alice", ATTACKER, ASN),             // exactly at the start: counts
                new FailureRecord(NOW.plusSeconds(2), "bob", ATTACKER, "64999"), // clock skew: counts
                failure(1, "carol", "192.0.2.1", ASN),           // other address, same network
                failure(1, "dave", "192.0.2.2", "64999"));       // unrelated

        FailureCounts counts = WINDOW.count(records, "alice", ATTACKER, ASN, NOW);

        assertThat(counts).isEqualTo(new FailureCounts(1, 2, 2, 2, 2));
    }

    @Test
    void unknownAddressOrNetworkCountsNothing() {
        List<FailureRecord> records = List.of(failure(1, "alice", null, null), failure(1, "bob", null, null));

        assertThat(WINDOW.count(records, "alice", null, null, NOW)).isEqualTo(new FailureCounts(0, 0, 0, 0, 0));
    }

    @Test
    void aStrangerFailingTheAccountFromElsewhereDoesNotRaiseItsOwnersCount() {
        List<FailureRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(failure(1, "alice", ATTACKER, "64999"));       // the stranger's address and network
        }
        records.add(failure(2, "alice", "198.51.100.7", "64501"));     // alice's own typo at home
        records.add(failure(2, "alice", "198.51.100.8", "64501"));     // same network, another address

        FailureCounts atHome = WINDOW.count(records, "alice", "198.51.100.7", "64501", NOW);
        FailureCounts fromAttacker = WINDOW.count(records, "alice", ATTACKER, "64999", NOW);

        assertThat(atHome.userFailures()).as("only alice's failures from her address or network").isEqualTo(2);
        assertThat(fromAttacker.userFailures()).as("the attacker's own sign-in is still counted").isEqualTo(10);
    }

    @Test
    void windowMustBePositive() {
        assertThatThrownBy(() -> new FailureWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WINDOW.start(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }
}
