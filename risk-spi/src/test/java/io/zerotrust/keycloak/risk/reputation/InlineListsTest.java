package io.zerotrust.keycloak.risk.reputation;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import static org.assertj.core.api.Assertions.assertThat;

class InlineListsTest {

    private static EvaluatorResult evaluate(InlineLists inline, String ip) {
        return new IpReputationEvaluator(IpLists.none(), inline).evaluate(RiskContext.builder("r", Instant.parse("2026-03-03T10:00:00Z"))
                .userId("u").clientIp(ip).build());
    }

    private static InlineLists read(Map<String, String> values) {
        return InlineLists.read(OptionReader.collecting("ip-reputation", values::get), "allow-list", "deny-list");
    }

    @Test
    void entriesWrittenIntoTheOptionsCountAsTheFilesEntriesDo() {
        InlineLists inline = read(Map.of("deny-list", "203.0.113.0/24, 2001:db8:bad::/48", "allow-list", "192.0.2.10 192.0.2.11"));

        assertThat(evaluate(inline, "203.0.113.99").reasons()).extracting(RiskReason::code).containsExactly(IpReputationEvaluator.DENY_LISTED);
        assertThat(evaluate(inline, "2001:db8:bad::1").reasons()).extracting(RiskReason::code).containsExactly(IpReputationEvaluator.DENY_LISTED);
        assertThat(evaluate(inline, "192.0.2.11").reasons()).extracting(RiskReason::code).containsExactly(IpReputationEvaluator.ALLOW_LISTED);
        assertThat(evaluate(inline, "198.51.100.1").reasons()).isEmpty();
    }

    @Test
    void aMalformedEntryIsAProblemAndSkipped() {
        OptionReader options = OptionReader.collecting("ip-reputation", Map.of("deny-list", "203.0.113.0/24,nonsense")::get);
        InlineLists inline = InlineLists.read(options, "allow-list", "deny-list");

        assertThat(options.problems()).singleElement().asString().contains("deny-list").contains("1 of 2");
        assertThat(inline.deny().contains("203.0.113.1")).isTrue();
    }

    @Test
    void aRealmMaySetTheInlineListsButNoFile() {
        assertThat(new IpReputationEvaluatorFactory().realmOptions()).extracting(ProviderConfigProperty::getName)
                .containsExactlyInAnyOrder("allow-list", "deny-list");
        assertThat(new IpReputationEvaluatorFactory().realmOptionProblems(Map.of("deny-list", "x.y"))).isNotEmpty();
        assertThat(new IpReputationEvaluatorFactory().realmOptionProblems(Map.of("deny-list", "10.0.0.0/8"))).isEmpty();
    }
}
