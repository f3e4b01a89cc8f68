package io.zerotrust.keycloak.risk.geo;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The state of one configured database file after opening it: its type and build date, or why it is unusable.
 *
 * @param role      which option configured it ({@code city-database}, ...)
 * @param path      the configured file
 * @param type      the metadata {@code database_type}, e.g. {@code GeoLite2-City}; null when it could not be read
 * @param buildTime when the database was built; null when it could not be read
 * @param error     why the file cannot be used (missing, corrupt, wrong type), or null when it is usable
 */
public record DatabaseStatus(GeoIpDatabases.Role role, Path path, String type, Instant buildTime, String error) {

    public boolean usable() {
        return error == null;
    }

    /** One line for the admin console's provider info and the startup log. */
    public String describe() {
        if (!usable()) {
            return path + ": ERROR " + error;
        }
        return path + " (" + type + ", built " + buildTime + ")";
    }
}
