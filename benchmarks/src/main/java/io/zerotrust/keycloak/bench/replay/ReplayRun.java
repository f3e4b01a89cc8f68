package io.zerotrust.keycloak.bench.replay;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.bench.detection.LoginRecord;
import io.zerotrust.keycloak.bench.detection.LoginScorer;
import io.zerotrust.keycloak.bench.detection.PackScorer;
import io.zerotrust.keycloak.bench.detection.ReplayEngine;
import io.zerotrust.keycloak.bench.detection.Verdict;

/**
 * Replays a realm's history through the pack once per setting set, side by side in one {@link ReplayEngine}: every
 * sign-in is judged by each set with what that set learned before, and teaches each set that would have verified it
 * ({@link PackScorer.Learning#WOULD_BE_VERIFIED}).
 */
public final class ReplayRun {

    private ReplayRun() {
    }

    public static ReplayTally run(RealmHistory history, List<ReplaySettings> settings) {
        RecordedFacts facts = new RecordedFacts(history);
        List<LoginScorer> scorers = new ArrayList<>();
        settings.forEach(s -> scorers.add(s.scorer(facts)));
        ReplayTally tally = new ReplayTally();
        ReplayTally.Column recorded = tally.column("recorded", "the levels the server gave");
        List<ReplayTally.Column> columns = settings.stream().map(s -> tally.column(s.name(), s.describe())).toList();
        Map<LoginRecord, RecordedSignIn> signIns = new IdentityHashMap<>();
        history.signIns().forEach(s -> signIns.put(s.login(), s));
        new ReplayEngine(scorers).replay(history.signIns().stream().map(RecordedSignIn::login).toList(),
                (login, verdicts) -> {
                    RecordedSignIn signIn = signIns.get(login);
                    recorded.add(signIn, signIn.recordedLevel(), signIn.recordedReasons(),
                            !signIn.refused() && login.teaches());
                    for (int i = 0; i < verdicts.size(); i++) {
                        Verdict verdict = verdicts.get(i);
                        columns.get(i).add(signIn, verdict.level(), verdict.reasons(),
                                scorers.get(i).teaches(login, verdict));
                    }
                });
        return tally;
    }
}
