package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.events.ocsf.OcsfJson;

/** OCSF events for the sink tests, from their JSON. */
final class OcsfRecords {

    private OcsfRecords() {
    }

    static List<OcsfJson> of(String... json) {
        return of(List.of(json));
    }

    static List<OcsfJson> of(List<String> json) {
        List<OcsfJson> records = new ArrayList<>();
        for (String one : json) {
            try {
                records.add(OcsfJson.parse(one));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }
}
