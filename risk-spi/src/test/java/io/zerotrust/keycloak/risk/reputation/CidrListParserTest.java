package io.zerotrust.keycloak.risk.reputation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrListParserTest {

    @Test
    void readsEntriesSkippingCommentsBlanksAndMalformedLines() {
        CidrListParser.Parsed parsed = CidrListParser.parse(List.of(
                "# office networks",
                "",
                "192.0.2.0/24   # Berlin",
                "  2001:db8::/32",
                "not-an-address",
                "198.51.100.300",
                "203.0.113.9"), "test.txt");

        assertThat(parsed.entries()).isEqualTo(3);
        assertThat(parsed.malformed()).isEqualTo(2);
        assertThat(parsed.set().contains("192.0.2.10")).isTrue();
        assertThat(parsed.set().contains("2001:db8::5")).isTrue();
        assertThat(parsed.set().contains("203.0.113.9")).isTrue();
    }
}
