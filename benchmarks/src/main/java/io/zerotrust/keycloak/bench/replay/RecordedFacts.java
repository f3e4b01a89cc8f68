package io.zerotrust.keycloak.bench.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.bench.detection.LoginRecord;
import io.zerotrust.keycloak.bench.detection.SignInFacts;
import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.velocity.CredentialFailure;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;

/**
 * The facts of a recorded history: the device cookie as the recorded reasons tell it, the credential failures the
 * server recorded before the sign-in (within the settings' window, counted by risk-spi's {@link FailureWindow}), and
 * the recorded location problem.
 */
final class RecordedFacts implements SignInFacts {

    private final Map<LoginRecord, RecordedSignIn> signIns = new IdentityHashMap<>();
    private final List<FailureRecord> failures;
    private final List<Instant> failureTimes;

    RecordedFacts(RealmHistory history) {
        history.signIns().forEach(s -> signIns.put(s.login(), s));
        failures = history.failures();
        failureTimes = failures.stream().map(FailureRecord::time).toList();
    }

    @Override
    public DeviceSignal device(LoginRecord login) {
        RecordedSignIn signIn = signIns.get(login);
        return new DeviceSignal(signIn.deviceStatus(), login.presentedDevice(), signIn.trustedDevice());
    }

    /** Only failures strictly before the sign-in: a refusal's own failure is recorded after it was judged. */
    @Override
    public FailureCounts failures(LoginRecord login, FailureWindow window) {
        int from = firstAtOrAfter(window.start(login.time()));
        int to = firstAtOrAfter(login.time());
        if (from >= to) {
            return FailureCounts.none();
        }
        String network = login.location() == null ? null : CredentialFailure.network(login.location().asn());
        return window.count(failures.subList(from, to), login.userId(), login.ip(), network, login.time());
    }

    @Override
    public String locationProblem(LoginRecord login) {
        return signIns.get(login).locationProblem();
    }

    private int firstAtOrAfter(Instant time) {
        int index = Collections.binarySearch(failureTimes, time, Comparator.naturalOrder());
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && failureTimes.get(index - 1).equals(time)) {
            index--;
        }
        return index;
    }
}
