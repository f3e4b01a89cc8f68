package io.zerotrust.keycloak.risk.profile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profiles this node last read or wrote, by user, with the text they were parsed from. A sign-in reads its
 * user's profile to assess it and again to learn from it, and the next sign-in reads what the last one wrote: as
 * long as the stored text is the one kept here (another node may have changed it), the parse is the same, and a
 * profile is immutable. Only a cache: bounded (roughly: threads filling it at once may pass the bound by a few), and
 * a text that differs is simply parsed. What {@link #keep} is given must be what its text reads as: a profile's JSON
 * form must read back as the same profile ({@code ProfileLearningTest} checks it).
 */
final class ParsedProfiles {

    /** Users kept (a full profile's text and parse are some tens of KB); beyond it the cache starts afresh. */
    static final int MAX_USERS = 256;

    private record Parsed(String json, UserRiskProfile profile) {
    }

    private final Map<String, Parsed> byUser = new ConcurrentHashMap<>();

    /** The profile the stored text {@code json} of {@code userId} says; throws as {@link ProfileJson#read} does. */
    UserRiskProfile read(String userId, String json) {
        Parsed known = byUser.get(userId);
        if (known != null && known.json().equals(json)) {
            return known.profile();
        }
        UserRiskProfile profile = ProfileJson.read(json);
        keep(userId, json, profile);
        return profile;
    }

    /** Keeps what was just stored for {@code userId}. */
    void keep(String userId, String json, UserRiskProfile profile) {
        if (byUser.size() >= MAX_USERS) {
            byUser.clear();
        }
        byUser.put(userId, new Parsed(json, profile));
    }

    void forget(String userId) {
        byUser.remove(userId);
    }

    void clear() {
        byUser.clear();
    }

    int size() {
        return byUser.size();
    }
}
