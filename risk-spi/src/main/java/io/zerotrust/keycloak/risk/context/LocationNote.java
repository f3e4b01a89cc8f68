package io.zerotrust.keycloak.risk.context;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoLookup;

/**
 * A GeoIP answer as the authentication-session note {@code RiskNotes.LOCATION} keeps it: JSON naming the address it
 * answers for, so that a later request of the sign-in from another address looks that one up instead.
 *
 * @param ip       the address looked up
 * @param location what was found, or null
 * @param problem  why nothing was found, or null
 */
record LocationNote(String ip, GeoLocation location, String problem) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static String write(String ip, GeoLookup lookup) {
        try {
            return MAPPER.writeValueAsString(new LocationNote(ip, lookup.location(), lookup.problem()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer the note keeps for {@code ip}; null without a note, for another address, or when unreadable. */
    static GeoLookup read(String note, String ip) {
        if (note == null || ip == null) {
            return null;
        }
        try {
            LocationNote read = MAPPER.readValue(note, LocationNote.class);
            if (read == null || !ip.equals(read.ip())) {
                return null;
            }
            return new GeoLookup(read.location(), read.problem());
        } catch (IOException | RuntimeException e) {
            // written by an older or newer version: looked up again, nothing lost
            return null;
        }
    }
}
