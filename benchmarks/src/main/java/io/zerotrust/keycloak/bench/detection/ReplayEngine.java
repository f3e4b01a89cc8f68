package io.zerotrust.keycloak.bench.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Replays a sequence of sign-ins through risk models, in the order given: each sign-in is judged by every model
 * with what it learned before, and then, only if it teaches (a verified, legitimate sign-in), learned by all of
 * them. The same engine replays a synthetic history or a realm's exported LOGIN events.
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
            if (login.teaches()) {
                for (LoginScorer scorer : scorers) {
                    scorer.learn(login);
                }
            }
        }
    }
}
