package io.zerotrust.keycloak.risk.block;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.net.AddressBlock;
import io.zerotrust.keycloak.risk.profile.NetworkBlocks;

/**
 * Judges the sign-in's address block (/24 or /48) within its network (ASN), against the blocks the user's verified
 * sign-ins came from in that network ({@link BlockLikelihood}): a block unusual for the user gives
 * {@code GEO_UNUSUAL_ADDRESS_BLOCK}, one they usually sign in from (at least {@link #MIN_REASSURING_LOGINS}
 * times) {@code GEO_USUAL_ADDRESS_BLOCK}, each capped.
 * A network the user never signed in from says nothing here ({@code geo}'s {@code GEO_NEW_NETWORK} covers it),
 * nor does a sign-in without an address or ASN. It catches whoever copies the victim's ISP but not their line.
 */
public final class BlockEvaluator implements RiskEvaluator {

    public static final String ID = "address-block";

    public static final String UNUSUAL_BLOCK = "GEO_UNUSUAL_ADDRESS_BLOCK";
    public static final String USUAL_BLOCK = "GEO_USUAL_ADDRESS_BLOCK";
    /**
     * Verified sign-ins from the block before it reassures: one sign-in is no habit, and a reassurance after one
     * would take a user's second sign-in from under a strong signal (a spray from that address, a forged posture)
     * at once. Measured (seed 1): re-authentication at TPR 0.99 for targeted attackers 4.0 / 5.6 / 9.3% from the
     * first sign-in, 4.9 / 6.6 / 9.7% from the second; step-ups 2.8% either way.
     */
    public static final int MIN_REASSURING_LOGINS = 2;

    private final BlockSettings settings;

    public BlockEvaluator(BlockSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    public BlockSettings settings() {
        return settings;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        Long asn = context.location() == null ? null : context.location().asn();
        String block = AddressBlock.of(context.clientIp());
        if (asn == null || block == null) {
            return EvaluatorResult.none(ID);
        }
        NetworkBlocks known = context.profile().addressBlocks().get(Long.toString(asn));
        if (known == null || known.total() == 0) {
            return EvaluatorResult.none(ID);
        }
        double raw = BlockLikelihood.logOdds(known, block, settings);
        if (raw < 0 && known.count(block) < MIN_REASSURING_LOGINS) {
            return EvaluatorResult.none(ID);
        }
        double logOdds = Math.max(-settings.maxReassurance(), Math.min(settings.maxLogOdds(), raw));
        if (logOdds == 0.0) {
            return EvaluatorResult.none(ID);
        }
        int seen = known.count(block);
        Map<String, String> attributes = Map.of(
                "asn", Long.toString(asn),
                "block", block,
                "blockLogins", Integer.toString(seen),
                "networkLogins", Integer.toString(known.total()),
                "newBlockRate", String.format(Locale.ROOT, "%.2f", BlockLikelihood.newBlockRate(known, settings)));
        // Concatenated, not String.format: this runs in every sign-in
        String message = seen == 0
                ? "Sign-in from " + block + ", an address block this user never used in AS" + asn + " (" + known.total()
                        + " past sign-ins there)"
                : "Sign-in from " + block + ", used in " + seen + " of this user's " + known.total() + " past sign-ins in AS" + asn;
        return EvaluatorResult.of(ID, List.of(new RiskReason(ID, logOdds > 0 ? UNUSUAL_BLOCK : USUAL_BLOCK, logOdds,
                message, attributes)));
    }
}
