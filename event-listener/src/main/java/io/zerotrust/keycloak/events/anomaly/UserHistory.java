package io.zerotrust.keycloak.events.anomaly;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One user's verified sign-ins as the scorer counts them: per feature (see {@link LoginLikelihood}) at most
 * {@link #SLOTS} values with their counts, and the number of sign-ins. When a feature's slots are full, the rarest
 * value makes room, so that a user's habits survive one-off values. Stored as compact JSON ({@link #toJson()}).
 */
public final class UserHistory {

    /** Values remembered per feature and user. */
    static final int SLOTS = 16;
    /** Longest value kept: longer ones (an odd User-Agent family) are cut, so a history stays a few KiB. */
    static final int MAX_VALUE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[][] values = new String[LoginLikelihood.FEATURES][SLOTS];
    private final int[][] counts = new int[LoginLikelihood.FEATURES][SLOTS];
    private int total;

    /** Sign-ins learned. */
    public int total() {
        return total;
    }

    int count(int feature, String value) {
        String[] row = values[feature];
        String key = cut(value);
        for (int i = 0; i < SLOTS && row[i] != null; i++) {
            if (row[i].equals(key)) {
                return counts[feature][i];
            }
        }
        return 0;
    }

    /** Counts one more sign-in with these values (null: unknown, not counted). */
    void learn(String[] signIn) {
        total++;
        for (int k = 0; k < LoginLikelihood.FEATURES; k++) {
            if (signIn[k] != null) {
                add(k, cut(signIn[k]));
            }
        }
    }

    private void add(int k, String value) {
        String[] row = values[k];
        int rarest = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (row[i] == null) {
                row[i] = value;
                counts[k][i] = 1;
                return;
            }
            if (row[i].equals(value)) {
                counts[k][i]++;
                return;
            }
            if (counts[k][i] < counts[k][rarest]) {
                rarest = i;
            }
        }
        row[rarest] = value;
        counts[k][rarest] = 1;
    }

    static String cut(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }

    /** {@code {"t":total,"f":[[[value,count],...] per feature]}} */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("t", total);
        ArrayNode features = root.putArray("f");
        for (int k = 0; k < LoginLikelihood.FEATURES; k++) {
            ArrayNode row = features.addArray();
            for (int i = 0; i < SLOTS && values[k][i] != null; i++) {
                row.addArray().add(values[k][i]).add(counts[k][i]);
            }
        }
        return root.toString();
    }

    /** Reads {@link #toJson()}; a damaged history reads as a new one, with a warning from the caller. */
    public static UserHistory fromJson(String json) throws java.io.IOException {
        JsonNode root = JSON.readTree(json);
        UserHistory history = new UserHistory();
        if (root == null || !root.path("t").canConvertToInt() || !root.path("f").isArray()) {
            throw new java.io.IOException("not a scorer history");
        }
        history.total = Math.max(0, root.path("t").asInt());
        JsonNode features = root.path("f");
        for (int k = 0; k < LoginLikelihood.FEATURES && k < features.size(); k++) {
            JsonNode row = features.get(k);
            for (int i = 0; i < SLOTS && i < row.size(); i++) {
                JsonNode slot = row.get(i);
                if (slot.size() == 2 && slot.get(0).isTextual() && slot.get(1).canConvertToInt()) {
                    history.values[k][i] = cut(slot.get(0).asText());
                    history.counts[k][i] = Math.max(1, slot.get(1).asInt());
                }
            }
        }
        return history;
    }

    @Override
    public String toString() {
        return "UserHistory[" + total + " sign-ins, " + Arrays.deepToString(values) + "]";
    }
}
