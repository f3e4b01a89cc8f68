package io.zerotrust.keycloak.risk.posture;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimRequirementTest {

    private static final JsonNode CLAIMS = json("{\"managed\":true,\"disk_encrypted\":\"true\",\"os_patch_age_days\":12,"
            + "\"score\":1.0,\"platform\":\"macOS\",\"device\":{\"edr\":{\"running\":true}},\"nothing\":null}");

    @Test
    void parsesTheDocumentedExample() {
        List<ClaimRequirement> requirements = ClaimRequirement.parseAll(
                "managed=true, disk_encrypted=true,screen_lock=true,os_patch_age_days<=30");

        assertThat(requirements).extracting(ClaimRequirement::toString)
                .containsExactly("managed=true", "disk_encrypted=true", "screen_lock=true", "os_patch_age_days<=30");
        assertThat(requirements.get(3).op()).isEqualTo(ClaimRequirement.Op.AT_MOST);
        assertThat(ClaimRequirement.parseAll(" ")).isEmpty();
        assertThat(ClaimRequirement.parseAll(null)).isEmpty();
    }

    @Test
    void equalsComparesTextOrNumber() {
        assertThat(met("managed=true")).isTrue();
        assertThat(met("managed=false")).isFalse();
        assertThat(met("disk_encrypted=true")).isTrue();
        assertThat(met("score=1")).isTrue();
        assertThat(met("platform=macOS")).isTrue();
        assertThat(met("platform=macos")).isFalse();
    }

    @Test
    void boundsNeedNumbers() {
        assertThat(met("os_patch_age_days<=30")).isTrue();
        assertThat(met("os_patch_age_days<=12")).isTrue();
        assertThat(met("os_patch_age_days<=11")).isFalse();
        assertThat(met("os_patch_age_days>=12")).isTrue();
        assertThat(met("os_patch_age_days>=13")).isFalse();
        assertThat(met("platform>=1")).isFalse();
    }

    @Test
    void missingOrNullOrObjectNeverHolds() {
        assertThat(met("screen_lock=true")).isFalse();
        assertThat(met("nothing=null")).isFalse();
        assertThat(met("device=true")).isFalse();
    }

    @Test
    void dotsReachNestedClaims() {
        assertThat(met("device.edr.running=true")).isTrue();
        assertThat(met("device.edr.version>=2")).isFalse();
    }

    @Test
    void badExpressionsAreRejected() {
        assertThatThrownBy(() -> ClaimRequirement.parseAll("managed")).hasMessageContaining("managed");
        assertThatThrownBy(() -> ClaimRequirement.parseAll("=true")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimRequirement.parseAll("age<=soon")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ClaimRequirement.parseAll("managed=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimRequirement.parseAll("bad name=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minimumVersionsParseFamiliesWithSpaces() {
        MinimumVersions versions = MinimumVersions.parse("Windows:10, Mac OS X:13,iOS:17.2");

        assertThat(versions.minimumFor("mac os x")).hasToString("13");
        assertThat(versions.isOutdated("iOS", io.zerotrust.keycloak.risk.device.VersionNumber.parse("17.1"))).isTrue();
        assertThat(versions.isOutdated("iOS", io.zerotrust.keycloak.risk.device.VersionNumber.parse("17.2"))).isFalse();
        assertThat(versions.isOutdated("Linux", io.zerotrust.keycloak.risk.device.VersionNumber.parse("1"))).isFalse();
        assertThat(versions.isOutdated("Windows", null)).isFalse();
        assertThatThrownBy(() -> MinimumVersions.parse("Chrome")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumVersions.parse("Chrome:new")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean met(String expression) {
        return ClaimRequirement.parseAll(expression).get(0).isMetBy(CLAIMS);
    }

    private static JsonNode json(String text) {
        try {
            return JsonSerialization.mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
