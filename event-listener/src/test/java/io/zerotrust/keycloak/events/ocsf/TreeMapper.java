package io.zerotrust.keycloak.events.ocsf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/** {@link OcsfMapper}'s events read back from the bytes it wrote, for the tests to inspect as trees. */
final class TreeMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OcsfMapper mapper = new OcsfMapper();

    Optional<ObjectNode> map(SecurityEvent event) {
        return mapper.map(event).map(TreeMapper::tree);
    }

    ObjectNode map(AnomalyFinding finding) {
        return tree(mapper.map(finding));
    }

    static ObjectNode tree(OcsfJson json) {
        try {
            return (ObjectNode) JSON.readTree(json.utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
