package io.zerotrust.keycloak.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.zerotrust.keycloak.bench.detection.LoginRecord;
import io.zerotrust.keycloak.bench.detection.PackScorer;
import io.zerotrust.keycloak.bench.detection.Verdict;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunTest {

    private static final Path FIXTURE = Path.of("src/test/resources/replay/zt-events-sample.jsonl");

    private static RealmHistory fixture() throws IOException {
        return OcsfHistoryReader.read(new BufferedReader(new StringReader(String.join("\n", OcsfFixture.lines()))));
    }

    private static List<ReplaySettings> settings(String... args) {
        String[] withFile = new String[args.length + 1];
        withFile[0] = "history.jsonl";
        System.arraycopy(args, 0, withFile, 1, args.length);
        return ReplayArguments.parse(withFile, Path.of("out")).settings();
    }

    @Test
    void theCommittedFixtureIsWhatTheRealOcsfMapperWrites() throws IOException {
        // after a mapper change, regenerate it: -Dtest=ReplayRunTest -Dreplay.fixture.write=true
        if (Boolean.getBoolean("replay.fixture.write")) {
            Files.write(FIXTURE, OcsfFixture.lines(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readAllLines(FIXTURE, StandardCharsets.UTF_8)).isEqualTo(OcsfFixture.lines());
    }

    @Test
    void countsPromptsAndRefusalsPerDayReasonAndUser() throws IOException {
        RealmHistory history = fixture();
        assertThat(history.signIns()).hasSize(12);
        assertThat(history.failures()).as("six stuffed accounts and the refusal").hasSize(7);
        assertThat(history.malformed()).hasSize(1);

        ReplayTally tally = ReplayRun.run(history, settings());
        ReplayTally.Column recorded = tally.columns().get(0);
        ReplayTally.Column pack = tally.columns().get(1);

        assertThat(recorded.refusals()).isEqualTo(2);
        LocalDate first = LocalDate.parse("2025-03-03");
        assertThat(pack.days()).hasSize(5);
        assertThat(pack.days().get(first).signIns()).isEqualTo(2);
        // Tokyo: new country, hosting network, unknown device and browser: refused again
        assertThat(pack.days().get(first.plusDays(1)).refusals()).isEqualTo(1);
        // carol's first sign-in from the address six accounts just failed from once each: password spraying
        assertThat(pack.days().get(first.plusDays(4)).refusals()).isEqualTo(1);
        assertThat(pack.reasons().get("PASSWORD_SPRAY_IP").raised()).isEqualTo(1);
        assertThat(pack.reasons().get("GEO_HOSTING_PROVIDER").raised()).isEqualTo(1);
        // bob after clearing his cookies: an unknown device from his usual place stays LOW
        assertThat(pack.reasons().get("DEVICE_UNKNOWN").signIns()).isGreaterThan(pack.reasons().get("DEVICE_UNKNOWN").raised());
        assertThat(pack.prompts()).isZero();
        assertThat(pack.refusals()).isEqualTo(2);
        assertThat(pack.mostPrompted(10)).extracting(ReplayTally.User::name).containsExactly("alice", "carol");
        // the ten LOW sign-ins teach; the two refusals do not
        assertThat(pack.learned()).isEqualTo(10);
    }

    @Test
    void aLowerThresholdAndAStrongerDeviceTurnBobsNewBrowserIntoAPrompt() throws IOException {
        ReplayTally tally = ReplayRun.run(fixture(), settings("--compare", "--name", "strict", "--medium-at", "10",
                "--set", "device.unknown-log-odds=2.5"));
        ReplayTally.Column defaults = tally.columns().get(1);
        ReplayTally.Column strict = tally.columns().get(2);

        assertThat(strict.name()).isEqualTo("strict");
        assertThat(strict.description()).isEqualTo("mediumAt=10 device.unknown-log-odds=2.5");
        assertThat(defaults.mostPrompted(10)).extracting(ReplayTally.User::name).doesNotContain("bob");
        assertThat(strict.mostPrompted(10)).filteredOn(u -> u.name().equals("bob"))
                .singleElement().satisfies(u -> assertThat(u.prompts()).isGreaterThanOrEqualTo(1));
        // bob's prompt had its recorded step-up met (zt_risk_verified=true), so it still teaches
        assertThat(strict.learned()).isEqualTo(defaults.learned());
    }

    @Test
    void aSignInTeachesOnlyWhatTheSettingsWouldHaveVerified() throws IOException {
        RealmHistory history = fixture();
        PackScorer scorer = settings().get(0).scorer(new RecordedFacts(history));
        LoginRecord verified = history.signIns().get(0).login();
        LoginRecord unverified = history.signIns().stream().filter(s -> s.username().equals("carol")).findFirst()
                .orElseThrow().login();

        assertThat(scorer.teaches(unverified, new Verdict(0, RiskLevel.LOW))).as("LOW").isTrue();
        assertThat(scorer.teaches(verified, new Verdict(0, RiskLevel.MEDIUM))).as("MEDIUM, step-up recorded").isTrue();
        assertThat(scorer.teaches(unverified, new Verdict(0, RiskLevel.MEDIUM))).as("MEDIUM, step-up not met").isFalse();
        assertThat(scorer.teaches(verified, new Verdict(0, RiskLevel.HIGH))).as("HIGH is a refusal").isFalse();
    }

    @Test
    void badSettingsAreRefusedWithTheFactorysOwnWords() {
        assertThatThrownBy(() -> settings("--set", "login-failures.window-minutes=0"))
                .hasMessageContaining("login-failures: option window-minutes='0' is invalid");
        assertThatThrownBy(() -> settings("--set", "device.no-such-option=1")).hasMessageContaining("unknown option 'no-such-option'");
        assertThatThrownBy(() -> settings("--set", "posture.x=1")).hasMessageContaining("unknown evaluator 'posture'");
        assertThatThrownBy(() -> settings("--medium-at", "80")).hasMessageContaining("above --high-at 70");
    }

    @Test
    void theCommandWritesTheReport(@TempDir Path out) throws IOException {
        Path report = RealmReplay.run(ReplayArguments.parse(new String[] {FIXTURE.toString(), "--out", out.toString()},
                Path.of("unused")));

        String text = Files.readString(report);
        assertThat(text).contains("12 sign-ins replayed", "1 malformed", "| 2025-03-04 | 3 | 0 / 1 | 0 / 1 |",
                "teaches a set's profiles only if it would have been verified", "line 20: not JSON");
        assertThat(text).as("the export carries coordinates: travel is judged").doesNotContain("`impossible-travel` was not judged");
    }
}
