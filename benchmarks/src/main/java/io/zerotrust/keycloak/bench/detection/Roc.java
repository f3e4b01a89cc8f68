package io.zerotrust.keycloak.bench.detection;

import java.util.Arrays;

/**
 * Receiver operating characteristic of a risk score that flags a sign-in (asks to re-authenticate) when its risk
 * is at or above a threshold: legitimate sign-ins are the negatives, attacks the positives. Ties count as flagged
 * together, so no threshold splits them.
 */
public final class Roc {

    private final double[] negatives;
    private final double[] positives;

    /** Sorts copies, ascending. */
    public Roc(double[] negatives, double[] positives) {
        if (negatives.length == 0 || positives.length == 0) {
            throw new IllegalArgumentException("need both legitimate sign-ins and attacks");
        }
        this.negatives = negatives.clone();
        this.positives = positives.clone();
        Arrays.sort(this.negatives);
        Arrays.sort(this.positives);
    }

    /** Probability that a random attack scores above a random legitimate sign-in, ties counting half. */
    public double auc() {
        double sum = 0;
        for (double p : positives) {
            int below = lowerBound(negatives, p);
            int equal = lowerBound(negatives, Math.nextUp(p)) - below;
            sum += below + 0.5 * equal;
        }
        return sum / ((double) positives.length * negatives.length);
    }

    /**
     * The re-authentication rate (share of legitimate sign-ins flagged) at the highest threshold that still flags
     * at least {@code tpr} of the attacks.
     */
    public double reauthenticationAt(double tpr) {
        int needed = Math.max(1, (int) Math.ceil(tpr * positives.length - 1e-9));
        double threshold = positives[positives.length - needed];
        return shareAtLeast(negatives, threshold);
    }

    /** The share of attacks flagged by the threshold that flags no more than {@code rate} of legitimate sign-ins. */
    public double caughtAtReauthentication(double rate) {
        int allowed = (int) Math.floor(rate * negatives.length + 1e-9);
        if (allowed >= negatives.length) {
            return 1.0;
        }
        // flag what is above the (allowed + 1)-th highest legitimate risk
        double highestUnflagged = negatives[negatives.length - 1 - allowed];
        return shareAtLeast(positives, Math.nextUp(highestUnflagged));
    }

    private static double shareAtLeast(double[] sorted, double threshold) {
        return (sorted.length - lowerBound(sorted, threshold)) / (double) sorted.length;
    }

    /** First index whose value is at least {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
