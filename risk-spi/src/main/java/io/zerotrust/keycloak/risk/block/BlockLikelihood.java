package io.zerotrust.keycloak.risk.block;

import io.zerotrust.keycloak.risk.profile.NetworkBlocks;

/**
 * The evidence of a sign-in's address block within a network the user knows, as the log of a likelihood ratio
 * p(block | attacker on that network) / p(block | the user), uncapped.
 *
 * <p>The user's model of the network: a block new to them with probability q, else one of their blocks by its
 * share of their sign-ins there. q is the user's own rate of new blocks there, smoothed towards a fixed prior
 * ({@code (newBlocks + priorLogins * newBlockRate) / (repeatLogins + priorLogins)}), so a carrier user, who gets
 * a new block nearly every time, soon has a high q and a home user a low one. The attacker on the same network
 * lands in a block new to the user nearly always, and in a given block of theirs with
 * {@link #ATTACKER_BLOCK_SHARE}. A new block thus weighs {@code log(1/q)}; a known one
 * {@code log(ATTACKER_BLOCK_SHARE / ((1 - q) share))}.
 */
public final class BlockLikelihood {

    /**
     * The chance that an attacker on the user's network signs in from one given block of the user's: a network
     * spans many blocks (the benchmark's world: 256 per ISP). Small enough that a block the user mostly uses
     * reaches the reassurance cap; the realm-wide share the prototype learned instead changed nothing measurable.
     */
    public static final double ATTACKER_BLOCK_SHARE = 0.01;

    private BlockLikelihood() {
    }

    /** The user's smoothed rate of sign-ins from a block new to them in the network. */
    public static double newBlockRate(NetworkBlocks known, BlockSettings settings) {
        return (known.newBlocks() + settings.priorLogins() * settings.newBlockRate())
                / (known.repeatLogins() + settings.priorLogins());
    }

    /** The log-likelihood ratio of a sign-in from {@code block}; positive says attacker, negative says the user. */
    public static double logOdds(NetworkBlocks known, String block, BlockSettings settings) {
        double q = newBlockRate(known, settings);
        int seen = known.count(block);
        int total = known.total();
        if (seen == 0 || total == 0) {
            return -Math.log(q);
        }
        return Math.log(ATTACKER_BLOCK_SHARE / ((1 - q) * seen / total));
    }
}
