package io.zerotrust.keycloak.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void aucCountsPairsInOrderAndTiesHalf() {
        // pairs (pos, neg): 3>1, 3>2, 3=3 (half), 5>1, 5>2, 5>3 -> 5.5 of 6
        Roc roc = new Roc(new double[] {1, 2, 3}, new double[] {3, 5});

        assertThat(roc.auc()).isCloseTo(5.5 / 6, within(1e-12));
    }

    @Test
    void separatedScoresHaveAucOneAndReversedZero() {
        assertThat(new Roc(new double[] {0, 1}, new double[] {2, 3}).auc()).isEqualTo(1.0);
        assertThat(new Roc(new double[] {2, 3}, new double[] {0, 1}).auc()).isEqualTo(0.0);
    }

    @Test
    void reauthenticationAtTprUsesTheHighestThresholdCatchingEnoughAttacks() {
        // 10 legitimate risks 0..9, attacks 4, 6, 8, 10
        double[] legitimate = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Roc roc = new Roc(legitimate, new double[] {10, 8, 6, 4});

        assertThat(roc.reauthenticationAt(0.25)).isEqualTo(0.0);  // threshold 10: no legitimate login flagged
        assertThat(roc.reauthenticationAt(0.5)).isEqualTo(0.2);   // threshold 8: 8 and 9
        assertThat(roc.reauthenticationAt(0.74)).isEqualTo(0.4);  // 3 of 4 attacks needed: threshold 6
        assertThat(roc.reauthenticationAt(0.999)).isEqualTo(0.6); // every attack: threshold 4
    }

    @Test
    void tiedLegitimateLoginsAreFlaggedTogether() {
        Roc roc = new Roc(new double[] {1, 5, 5, 5}, new double[] {5});

        assertThat(roc.reauthenticationAt(0.99)).isEqualTo(0.75);
    }

    @Test
    void caughtAtAReauthenticationRateNeverFlagsMoreLegitimateLogins() {
        double[] legitimate = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Roc roc = new Roc(legitimate, new double[] {10, 8.5, 6, 4});

        assertThat(roc.caughtAtReauthentication(0.0)).isEqualTo(0.25);  // above 9 only
        assertThat(roc.caughtAtReauthentication(0.15)).isEqualTo(0.5);  // one may be flagged: above 8
        assertThat(roc.caughtAtReauthentication(0.3)).isEqualTo(0.5);   // above 6: the attack at 6 is not
        assertThat(roc.caughtAtReauthentication(0.4)).isEqualTo(0.75);  // above 5
        assertThat(roc.caughtAtReauthentication(1.0)).isEqualTo(1.0);
    }
}
