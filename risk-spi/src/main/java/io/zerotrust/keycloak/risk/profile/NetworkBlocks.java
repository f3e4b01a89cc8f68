package io.zerotrust.keycloak.risk.profile;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The address blocks (/24 or /48, {@code AddressBlock}) one user's verified sign-ins came from within one network
 * (ASN), with how often the user turned up in a block new to them there: a home line keeps its block, a carrier
 * hands out another one nearly every time. Immutable.
 *
 * @param lastSeen     the last verified sign-in from the network
 * @param blocks       sign-ins per block, at most {@link #MAX_BLOCKS} blocks
 * @param repeatLogins sign-ins from the network after the first one
 * @param newBlocks    how many of those came from a block the user had not used in the network before
 */
public record NetworkBlocks(Instant lastSeen, Map<String, Integer> blocks, int repeatLogins, int newBlocks) {

    /** Blocks kept per network; beyond it the least used one (other than the sign-in's) is forgotten. */
    public static final int MAX_BLOCKS = 16;
    /** Networks kept per user, the most recently seen ones. */
    public static final int MAX_NETWORKS = 8;

    public NetworkBlocks {
        Objects.requireNonNull(lastSeen, "lastSeen");
        blocks = blocks == null ? Map.of() : Map.copyOf(blocks);
        if (repeatLogins < 0 || newBlocks < 0 || newBlocks > repeatLogins) {
            throw new IllegalArgumentException("invalid block counts: " + newBlocks + " of " + repeatLogins);
        }
    }

    /** Sign-ins counted in the kept blocks. */
    public int total() {
        int total = 0;
        for (int count : blocks.values()) {
            total += count;
        }
        return total;
    }

    /** Sign-ins from {@code block}; 0 for a block never used (or forgotten). */
    public int count(String block) {
        return blocks.getOrDefault(block, 0);
    }

    /** The user's first verified sign-in from a network. */
    public static NetworkBlocks first(String block, Instant now) {
        return new NetworkBlocks(now, Map.of(block, 1), 0, 0);
    }

    /** These counts with one more verified sign-in from {@code block} at {@code now}. */
    public NetworkBlocks learn(String block, Instant now) {
        boolean fresh = !blocks.containsKey(block);
        Map<String, Integer> counts = new HashMap<>(blocks);
        counts.merge(block, 1, Integer::sum);
        if (counts.size() > MAX_BLOCKS) {
            counts.entrySet().stream()
                    .filter(e -> !e.getKey().equals(block))
                    .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .ifPresent(e -> counts.remove(e.getKey()));
        }
        Instant seen = now.isAfter(lastSeen) ? now : lastSeen;
        return new NetworkBlocks(seen, counts, repeatLogins + 1, newBlocks + (fresh ? 1 : 0));
    }
}
