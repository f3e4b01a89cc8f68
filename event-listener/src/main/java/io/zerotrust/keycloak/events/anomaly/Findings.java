package io.zerotrust.keycloak.events.anomaly;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Creates findings with fresh ids. */
final class Findings {

    private final Supplier<String> ids;

    Findings(Supplier<String> ids) {
        this.ids = ids;
    }

    static Findings random() {
        return new Findings(() -> UUID.randomUUID().toString());
    }

    /**
     * @param aboutSource a finding about a source (stuffing, spray) names no user or session: the failing
     *                    account is one of many victims
     */
    AnomalyFinding create(AuthObservation cause, FindingKind kind, int score, boolean aboutSource,
                          List<FindingReason> reasons) {
        return create(cause, kind, score, aboutSource, reasons, List.of());
    }

    /** @param accounts the accounts a cross-account finding is about (user ids, or {@code name:<username>}) */
    AnomalyFinding create(AuthObservation cause, FindingKind kind, int score, boolean aboutSource,
                          List<FindingReason> reasons, List<String> accounts) {
        boolean sourceOnly = aboutSource || kind.aboutSource();
        return new AnomalyFinding(ids.get(), cause.time(), cause.realmId(), sourceOnly ? null : cause.userId(),
                sourceOnly ? null : cause.sessionId(), cause.ip(), cause.network(), kind, score,
                FindingLevel.of(score), reasons, accounts);
    }
}
