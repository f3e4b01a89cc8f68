package io.zerotrust.keycloak.bench.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two exports a replay reads. */
public enum HistoryFormat {

    /** The {@code zt-events} file sink: OCSF JSON lines. */
    OCSF("zt-events OCSF JSON lines"),
    /** {@code GET /admin/realms/{realm}/events}, saved: a JSON array. */
    ADMIN_EVENTS("Keycloak admin events API (JSON array)");

    private final String label;

    HistoryFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A file whose first non-blank character is {@code [} holds the admin API's array; otherwise JSON lines. */
    public static HistoryFormat detect(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c)) {
                    return c == '[' ? ADMIN_EVENTS : OCSF;
                }
            }
        }
        return OCSF;
    }

    public RealmHistory read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return this == OCSF ? OcsfHistoryReader.read(in) : AdminEventsReader.read(in);
        }
    }
}
