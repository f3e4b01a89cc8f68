package io.zerotrust.keycloak.authn.deny;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DenialReferenceTest {

    @Test
    void referencesAreTwoGroupsOfUnambiguousCharacters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(DenialReference.next()).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
        }
    }

    @Test
    void referencesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(DenialReference.next());
        }
        assertThat(seen).hasSize(10_000);
    }
}
