package io.zerotrust.keycloak.bench.detection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: the risk score of Freeman et al. (NDSS 2016, equation 7 without attack data) as
 * das-group/rba-algorithm implements it (the code behind Wiefling et al., ACM TOPS 2022), rewritten from its
 * description:
 *
 * <pre>
 * risk = prod over F in {IP, UA} of  p(F | global) / p(F | user)   *   (1 / users) / (n_user / n_global)
 * </pre>
 *
 * <ul>
 * <li>Each p is a weighted sum over the levels of the feature's hierarchy ({@link FreemanFeatures}), with that
 *     implementation's weights: IP 0.6, ASN 0.3, country 0.1; UA 0.5387, browser 0.2680, OS 0.1882, device type
 *     0.0051.</li>
 * <li>p(F | user): the level's share of the user's past logins, unsmoothed. When it is 0 for the whole feature
 *     it is replaced by p(F | global) / 4 (that implementation's edge case).</li>
 * <li>p(F | global): at the most specific level only, smoothed: (count, or 1 when unseen) / (n_global + u), u the
 *     distinct values of the lower levels in the global history plus 1, times count / (count + u') from the whole
 *     data set (that implementation counts this factor over its whole input file, later logins included: here the
 *     whole legitimate data set given to the constructor; u' as u, among that value's rows; 1 for a value the data
 *     set never had). Lower levels: their unsmoothed global share.</li>
 * <li>The global history is every legitimate login before this one; users are those in it. A user's first login
 *     is not judged (risk NaN), as there.</li>
 * </ul>
 * The reported risk is the natural log of that score.
 */
public final class FreemanScorer implements LoginScorer {

    static final double[] IP_WEIGHTS = {0.6, 0.3, 0.1};
    static final double[] UA_WEIGHTS = {0.5386653840551359, 0.2680451498625666, 0.18818295100109536, 0.0051065150812021525};

    private final FeatureCounts globalIp = new FeatureCounts(IP_WEIGHTS.length);
    private final FeatureCounts globalUa = new FeatureCounts(UA_WEIGHTS.length);
    private final Map<String, FeatureCounts[]> users = new HashMap<>();
    private final Map<String, Double> ipDataSetFactor;
    private final Map<String, Double> uaDataSetFactor;

    /** @param dataSet every legitimate login of the data set (for the whole-file factor described above) */
    public FreemanScorer(List<LoginRecord> dataSet) {
        Map<String, Integer> ipCounts = new HashMap<>();
        Map<String, Integer> uaCounts = new HashMap<>();
        Map<String, Set<String>> ipBelow = new HashMap<>();
        Map<String, Set<String>> uaBelow = new HashMap<>();
        for (LoginRecord login : dataSet) {
            FreemanFeatures features = FreemanFeatures.of(login);
            tally(features.ip(), ipCounts, ipBelow);
            tally(features.ua(), uaCounts, uaBelow);
        }
        ipDataSetFactor = factors(ipCounts, ipBelow);
        uaDataSetFactor = factors(uaCounts, uaBelow);
    }

    private static void tally(String[] levels, Map<String, Integer> counts, Map<String, Set<String>> below) {
        counts.merge(levels[0], 1, Integer::sum);
        Set<String> seen = below.computeIfAbsent(levels[0], v -> new HashSet<>());
        for (int i = 1; i < levels.length; i++) {
            // level-tagged, so that values of two levels never merge
            seen.add(i + ":" + levels[i]);
        }
    }

    private static Map<String, Double> factors(Map<String, Integer> counts, Map<String, Set<String>> below) {
        Map<String, Double> factors = new HashMap<>();
        counts.forEach((value, count) -> factors.put(value, count / (double) (count + below.get(value).size() + 1)));
        return factors;
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public Verdict score(LoginRecord login) {
        FeatureCounts[] user = users.get(login.userId());
        if (user == null) {
            return new Verdict(Double.NaN, null);
        }
        FreemanFeatures features = FreemanFeatures.of(login);
        double risk = ratio(features.ip(), IP_WEIGHTS, user[0], globalIp, ipDataSetFactor)
                * ratio(features.ua(), UA_WEIGHTS, user[1], globalUa, uaDataSetFactor);
        int userLogins = user[0].total();
        int globalLogins = globalIp.total();
        double attackLikelihood = 1.0 / users.size();
        double userLoginLikelihood = userLogins / (double) globalLogins;
        return new Verdict(Math.log(risk * attackLikelihood / userLoginLikelihood), null);
    }

    /** p(F | global) / p(F | user) for one hierarchy. */
    static double ratio(String[] values, double[] weights, FeatureCounts user, FeatureCounts global,
                        Map<String, Double> dataSetFactor) {
        double local = 0;
        for (int i = 0; i < values.length; i++) {
            local += weights[i] * user.count(i, values[i]) / user.total();
        }
        int unseen = 1;
        for (int i = 1; i < values.length; i++) {
            unseen += global.distinct(i);
        }
        int first = global.count(0, values[0]);
        double globalLikelihood = weights[0] * dataSetFactor.getOrDefault(values[0], 1.0)
                * Math.max(first, 1) / (global.total() + unseen);
        for (int i = 1; i < values.length; i++) {
            globalLikelihood += weights[i] * global.count(i, values[i]) / global.total();
        }
        if (local == 0.0) {
            local = globalLikelihood / 4;
        }
        return globalLikelihood / local;
    }

    @Override
    public void learn(LoginRecord login) {
        FreemanFeatures features = FreemanFeatures.of(login);
        FeatureCounts[] user = users.computeIfAbsent(login.userId(),
                u -> new FeatureCounts[] {new FeatureCounts(IP_WEIGHTS.length), new FeatureCounts(UA_WEIGHTS.length)});
        user[0].add(features.ip());
        user[1].add(features.ua());
        globalIp.add(features.ip());
        globalUa.add(features.ua());
    }
}
