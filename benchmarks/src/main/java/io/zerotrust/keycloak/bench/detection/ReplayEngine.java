package io.zerotrust.keycloak.bench.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Replays a sequence of sign-ins through risk models, in the order given: each sign-in is judged by every model
 * with what it learned before, and then learned by each model it teaches ({@link LoginScorer#teaches}: a
 * verified, legitimate sign-in; for a replay under other settings, one those settings would have let verify). The
 * same engine replays a synthetic history ({@code detection.sh}) and a realm's exported events ({@code replay.sh}).
 */
public final class ReplayEngine {

    private final List<LoginScorer> scorers;

    public ReplayEngine(List<LoginScorer> scorers) {
        this.scorers = List.copyOf(scorers);
    }

    public List<LoginScorer> scorers() {
        return scorers;
    }

    /** @param sink receives each sign-in with one verdict per scorer, in the scorers' order */
    public void replay(Iterable<LoginRecord> logins, BiConsumer<LoginRecord, List<Verdict>> sink) {
        for (LoginRecord login : logins) {
            List<Verdict> verdicts = new ArrayList<>(scorers.size());
            for (LoginScorer scorer : scorers) {
                verdicts.add(scorer.score(login));
            }
            sink.accept(login, verdicts);
            for (int i = 0; i < scorers.size(); i++) {
                if (scorers.get(i).teaches(login, verdicts.get(i))) {
                    scorers.get(i).learn(login);
                }
            }
        }
    }
}
