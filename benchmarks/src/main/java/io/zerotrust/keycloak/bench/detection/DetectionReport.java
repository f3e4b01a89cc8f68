package io.zerotrust.keycloak.bench.detection;

import java.util.Locale;

/** The figures as text: a header and a Markdown table, pack and baseline side by side. */
public final class DetectionReport {

    private DetectionReport() {
    }

    public static String text(DetectionFigures figures, long seed, int users, int legitimateLogins) {
        return text(figures, seed, users, legitimateLogins, "Pack at its defaults");
    }

    /** @param pack how the pack was set up, e.g. "Pack at its defaults" */
    public static String text(DetectionFigures figures, long seed, int users, int legitimateLogins, String pack) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Detection benchmark, seed %d: %d users, %d legitimate logins, %d of them "
                        + "after an earlier login of their user (measured).%n", seed, users, legitimateLogins,
                figures.legitimate()));
        out.append(String.format(Locale.ROOT, "%s: %s of legitimate logins MEDIUM or above "
                + "(asked to step up), %s HIGH.%n%n", pack, percent(figures.legitimateMedium()), percent(figures.legitimateHigh())));
        out.append("Re-authentication rate of legitimate logins at a true positive rate (TPR) of 0.97 / 0.99 / 0.999, "
                + "pack | baseline (Freeman et al.); lower is better.\n\n");
        out.append("| Attacker | Prior logins | Attacks | Re-auth at TPR 0.97 | at 0.99 | at 0.999 | ROC AUC "
                + "| Pack: attacks >= MEDIUM / HIGH | Baseline: caught at the pack's re-auth rate |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (DetectionFigures.Cell cell : figures.cells()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.3f \\| %.3f | %s / %s | %s |%n",
                    cell.attacker().label(), cell.history(), cell.attacks(),
                    pair(cell.packReauth()[0], cell.baselineReauth()[0]),
                    pair(cell.packReauth()[1], cell.baselineReauth()[1]),
                    pair(cell.packReauth()[2], cell.baselineReauth()[2]),
                    cell.packAuc(), cell.baselineAuc(), percent(cell.packMedium()), percent(cell.packHigh()),
                    percent(cell.baselineAtPackRate())));
        }
        out.append("\nThe same attacks against only the legitimate logins made after exactly as many earlier logins as the "
                + "victim had (the baseline's score falls as a user's login count grows):\n\n");
        out.append("| Attacker | Prior logins | Legitimate logins | Re-auth at TPR 0.99 | ROC AUC |\n");
        out.append("|---|---|---|---|---|\n");
        for (DetectionFigures.Cell cell : figures.cells()) {
            DetectionFigures.SameHistory same = cell.sameHistory();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.3f \\| %.3f |%n", cell.attacker().label(),
                    cell.history(), same.legitimate(), pair(same.packReauth(), same.baselineReauth()), same.packAuc(),
                    same.baselineAuc()));
        }
        return out.toString();
    }

    private static String pair(double pack, double baseline) {
        return percent(pack) + " \\| " + percent(baseline);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
