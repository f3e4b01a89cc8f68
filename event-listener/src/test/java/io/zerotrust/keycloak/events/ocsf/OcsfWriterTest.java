package io.zerotrust.keycloak.events.ocsf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OcsfWriterTest {

    @Test
    void leavesAbsentValuesOutAndNestsObjectsAndArrays() {
        byte[] json = new OcsfWriter().field("a", "x").field("none", (String) null).field("n", 3).field("d", 1.5)
                .field("b", true).object("o").field("k", "v").end().array("l").element("e").element().field("c", "é\"")
                .end().end().finish();

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"x\",\"n\":3,\"d\":1.5,\"b\":true,\"o\":{\"k\":\"v\"},\"l\":[\"e\",{\"c\":\"é\\\"\"}]}");
    }

    @Test
    void anObjectLeftOpenIsAMappingErrorNotAnEvent() {
        OcsfWriter writer = new OcsfWriter().object("user").object("inner").field("uid", "u").end();

        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }
}
