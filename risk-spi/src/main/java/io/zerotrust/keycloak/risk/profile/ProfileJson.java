package io.zerotrust.keycloak.risk.profile;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A profile as stored in the database: JSON, so that its shape can grow without schema changes. */
public final class ProfileJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProfileJson() {
    }

    public static String write(UserRiskProfile profile) {
        try {
            return MAPPER.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException when the stored text is not a profile (corrupt row)
     */
    public static UserRiskProfile read(String json) {
        try {
            UserRiskProfile profile = MAPPER.readValue(json, UserRiskProfile.class);
            if (profile == null) {
                throw new IllegalArgumentException("stored profile is JSON null");
            }
            return profile;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored profile is not readable: " + e.getMessage(), e);
        }
    }
}
