package io.zerotrust.keycloak.bench.detection;

import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * The benchmark's figures. Legitimate sign-ins are those with at least one earlier login of their user (the
 * baseline judges no first login, so both models are measured on the same ones); the same legitimate set is set
 * against each attacker model and history length.
 *
 * @param legitimate        legitimate sign-ins measured
 * @param legitimateMedium  share of them the pack puts at MEDIUM or above at its defaults (asked to step up)
 * @param legitimateHigh    share at HIGH
 * @param cells             one per attacker model and history length
 */
public record DetectionFigures(int legitimate, double legitimateMedium, double legitimateHigh, List<Cell> cells) {

    /** True positive rates at which the re-authentication rate is reported. */
    public static final double[] TPRS = {0.97, 0.99, 0.999};

    /**
     * @param attacker           attacker model
     * @param history            victim's logins before the attack
     * @param attacks            attacks judged
     * @param packReauth         pack's re-authentication rate at each of {@link #TPRS}
     * @param baselineReauth     baseline's, the same
     * @param packAuc            pack's ROC AUC
     * @param baselineAuc        baseline's
     * @param packMedium         share of attacks the pack puts at MEDIUM or above
     * @param packHigh           share at HIGH
     * @param baselineAtPackRate share of attacks the baseline flags when it re-authenticates no more legitimate
     *                           sign-ins than the pack does at MEDIUM
     * @param packRoc            for the plot
     * @param baselineRoc        for the plot
     * @param sameHistory        the same against only the legitimate sign-ins made after exactly {@code history}
     *                           earlier logins (the baseline's score depends on the user's login count)
     */
    public record Cell(AttackerModel attacker, int history, int attacks, double[] packReauth, double[] baselineReauth,
                       double packAuc, double baselineAuc, double packMedium, double packHigh,
                       double baselineAtPackRate, Roc packRoc, Roc baselineRoc, SameHistory sameHistory) {
    }

    /**
     * Figures against legitimate sign-ins with the victim's history length.
     *
     * @param legitimate     how many such sign-ins there are
     * @param packReauth     pack's re-authentication rate at TPR 0.99
     * @param baselineReauth baseline's
     * @param packAuc        pack's ROC AUC
     * @param baselineAuc    baseline's
     */
    public record SameHistory(int legitimate, double packReauth, double baselineReauth, double packAuc,
                              double baselineAuc) {
    }

    public static DetectionFigures of(List<Judged> judged) {
        List<Judged> legitimate = judged.stream()
                .filter(j -> j.trial().attacker() == null && j.trial().history() >= 1).toList();
        double[] packLegit = legitimate.stream().mapToDouble(j -> j.pack().risk()).toArray();
        double[] baseLegit = legitimate.stream().mapToDouble(j -> j.baseline().risk()).toArray();
        double medium = share(legitimate, RiskLevel.MEDIUM);
        double high = share(legitimate, RiskLevel.HIGH);
        List<Cell> cells = new ArrayList<>();
        for (AttackerModel model : AttackerModel.values()) {
            for (int history : DetectionRun.HISTORIES) {
                List<Judged> attacks = judged.stream()
                        .filter(j -> j.trial().attacker() == model && j.trial().history() == history).toList();
                if (attacks.isEmpty()) {
                    continue;
                }
                Roc pack = new Roc(packLegit, attacks.stream().mapToDouble(j -> j.pack().risk()).toArray());
                Roc baseline = new Roc(baseLegit, attacks.stream().mapToDouble(j -> j.baseline().risk()).toArray());

                double[] packReauth = new double[TPRS.length];
                double[] baseReauth = new double[TPRS.length];
                for (int i = 0; i < TPRS.length; i++) {
                    packReauth[i] = pack.reauthenticationAt(TPRS[i]);
                    baseReauth[i] = baseline.reauthenticationAt(TPRS[i]);
                }
                double[] packAttacks = attacks.stream().mapToDouble(j -> j.pack().risk()).toArray();
                double[] baseAttacks = attacks.stream().mapToDouble(j -> j.baseline().risk()).toArray();
                List<Judged> peers = legitimate.stream().filter(j -> j.trial().history() == history).toList();
                Roc packPeers = new Roc(peers.stream().mapToDouble(j -> j.pack().risk()).toArray(), packAttacks);
                Roc basePeers = new Roc(peers.stream().mapToDouble(j -> j.baseline().risk()).toArray(), baseAttacks);
                SameHistory same = new SameHistory(peers.size(), packPeers.reauthenticationAt(0.99),
                        basePeers.reauthenticationAt(0.99), packPeers.auc(), basePeers.auc());
                cells.add(new Cell(model, history, attacks.size(), packReauth, baseReauth, pack.auc(), baseline.auc(),
                        share(attacks, RiskLevel.MEDIUM), share(attacks, RiskLevel.HIGH),
                        baseline.caughtAtReauthentication(medium), pack, baseline, same));
            }
        }
        return new DetectionFigures(legitimate.size(), medium, high, cells);
    }

    private static double share(List<Judged> judged, RiskLevel atLeast) {
        return judged.stream().filter(j -> j.pack().level().atLeast(atLeast)).count() / (double) judged.size();
    }
}
