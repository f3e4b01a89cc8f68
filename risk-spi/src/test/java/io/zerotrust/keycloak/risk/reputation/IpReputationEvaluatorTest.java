package io.zerotrust.keycloak.risk.reputation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.spi.MapScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IpReputationEvaluatorTest {

    private static final IpLists LISTS = new IpLists(
            ListSnapshot.of("allow", CidrSet.of("192.0.2.0/24", "2001:db8:1::/48", "198.51.100.66")),
            ListSnapshot.of("deny", CidrSet.of("203.0.113.0/24", "2001:db8:bad::/48", "198.51.100.66")),
            ListSnapshot.of("tor", CidrSet.of("198.51.100.7", "2001:db8:70::1", "203.0.113.5")));

    @TempDir
    Path dir;

    private static EvaluatorResult evaluate(IpLists lists, String ip) {
        return new IpReputationEvaluator(lists).evaluate(RiskContext.builder("r", Instant.parse("2026-03-03T10:00:00Z"))
                .userId("u").clientIp(ip).build());
    }

    private static RiskReason single(EvaluatorResult result) {
        assertThat(result.reasons()).hasSize(1);
        return result.reasons().get(0);
    }

    @Test
    void denyListedIsVeryStrong() {
        RiskReason reason = single(evaluate(LISTS, "2001:db8:bad::9"));

        assertThat(reason.code()).isEqualTo(IpReputationEvaluator.DENY_LISTED);
        assertThat(reason.logOdds()).isEqualTo(8.0);
        assertThat(reason.attributes()).containsEntry("ip", "2001:db8:bad::9");
    }

    @Test
    void torExitIsStrong() {
        RiskReason reason = single(evaluate(LISTS, "198.51.100.7"));

        assertThat(reason.code()).isEqualTo(IpReputationEvaluator.TOR_EXIT);
        assertThat(reason.logOdds()).isEqualTo(5.0);
    }

    @Test
    void allowListedLowersRisk() {
        RiskReason reason = single(evaluate(LISTS, "192.0.2.44"));

        assertThat(reason.code()).isEqualTo(IpReputationEvaluator.ALLOW_LISTED);
        assertThat(reason.logOdds()).isEqualTo(-2.0);
    }

    @Test
    void allowListingNeverCancelsDenyOrTor() {
        assertThat(single(evaluate(LISTS, "198.51.100.66")).code()).isEqualTo(IpReputationEvaluator.DENY_LISTED);
        assertThat(evaluate(LISTS, "203.0.113.5").reasons()).extracting(RiskReason::code)
                .containsExactly(IpReputationEvaluator.DENY_LISTED, IpReputationEvaluator.TOR_EXIT);
    }

    @Test
    void unlistedAddressSaysNothing() {
        EvaluatorResult result = evaluate(LISTS, "100.64.0.1");

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
        assertThat(evaluate(IpLists.none(), "100.64.0.1").reasons()).isEmpty();
    }

    @Test
    void missingOrUnparsableClientAddressIsUnavailable() {
        assertThat(evaluate(LISTS, null).unavailableReason()).isEqualTo("client address unknown");
        assertThat(evaluate(LISTS, "evil.example").unavailableReason()).contains("evil.example");
    }

    @Test
    void aListNeverLoadedMakesTheResultUnavailableUnlessAnotherListHasEvidence() {
        IpLists brokenDeny = new IpLists(LISTS.allow(), ListSnapshot.unavailable("deny", "deny file unreadable"), LISTS.torExits());

        assertThat(evaluate(brokenDeny, "192.0.2.44").unavailableReason()).isEqualTo("deny file unreadable");
        assertThat(single(evaluate(brokenDeny, "198.51.100.7")).code()).isEqualTo(IpReputationEvaluator.TOR_EXIT);
    }

    @Test
    void factoryReadsListFilesAndFollowsChanges() throws IOException {
        Path deny = Files.writeString(dir.resolve("deny.txt"), "# blocked\n203.0.113.0/24\nnot an address\n");
        Path tor = Files.writeString(dir.resolve("tor.txt"), "198.51.100.7\n");
        MutableClock clock = new MutableClock();
        IpReputationEvaluatorFactory factory = new IpReputationEvaluatorFactory(clock);
        factory.init(MapScope.of(IpReputationEvaluatorFactory.DENY_LIST_FILE, deny.toString(),
                IpReputationEvaluatorFactory.TOR_EXIT_LIST_FILE, tor.toString(),
                IpReputationEvaluatorFactory.RELOAD_SECONDS, "10"));
        RiskContext context = RiskContext.builder("r", Instant.now()).clientIp("192.0.2.9").build();

        assertThat(factory.getId()).isEqualTo("ip-reputation");
        assertThat(factory.currentLists().allow()).isNull();
        assertThat(factory.create(null).evaluate(context).reasons()).isEmpty();

        Files.writeString(deny, "192.0.2.0/24\n# longer now, so the size changes\n");
        clock.advance(Duration.ofSeconds(10));
        assertThat(single(factory.create(null).evaluate(context)).code()).isEqualTo(IpReputationEvaluator.DENY_LISTED);
        assertThat(factory.getConfigMetadata()).hasSize(6);
    }

    @Test
    void factoryReadsAReloadIntervalBelowOneSecondAsTheDefault() throws IOException {
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n");
        MutableClock clock = new MutableClock();
        IpReputationEvaluatorFactory factory = new IpReputationEvaluatorFactory(clock);
        factory.init(MapScope.of(IpReputationEvaluatorFactory.DENY_LIST_FILE, deny.toString(),
                IpReputationEvaluatorFactory.RELOAD_SECONDS, "0"));
        RiskContext context = RiskContext.builder("r", Instant.now()).clientIp("192.0.2.9").build();
        assertThat(factory.create(null).evaluate(context).reasons()).isEmpty();

        Files.writeString(deny, "192.0.2.0/24\n# longer now, so the size changes\n");
        clock.advance(Duration.ofSeconds(IpReputationEvaluatorFactory.DEFAULT_RELOAD_SECONDS - 1));
        assertThat(factory.create(null).evaluate(context).reasons()).as("not checked again yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(single(factory.create(null).evaluate(context)).code()).isEqualTo(IpReputationEvaluator.DENY_LISTED);
    }

    @Test
    void factoryReplacesABadReloadIntervalAndReportsAMissingFile() {
        IpReputationEvaluatorFactory factory = new IpReputationEvaluatorFactory(new MutableClock());
        factory.init(MapScope.of(IpReputationEvaluatorFactory.RELOAD_SECONDS, "soon",
                IpReputationEvaluatorFactory.ALLOW_LIST_FILE, dir.resolve("nope.txt").toString()));

        EvaluatorResult result = factory.create(null).evaluate(RiskContext.builder("r", Instant.now()).clientIp("192.0.2.9").build());
        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).contains("nope.txt");
    }
}
