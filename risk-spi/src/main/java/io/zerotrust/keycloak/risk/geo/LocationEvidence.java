package io.zerotrust.keycloak.risk.geo;

/**
 * The correlation group of the reasons that say "the user is somewhere new": {@code GEO_NEW_COUNTRY},
 * {@code GEO_NEW_CITY}, {@code GEO_NEW_NETWORK} ({@code geo}) and {@code IMPOSSIBLE_TRAVEL}
 * ({@code impossible-travel}). A trip abroad nearly always brings a new network, and impossible travel lands in a
 * new place, so adding their log-odds as independent evidence would count one fact several times: the engine counts
 * the strongest of them in full and each other one at its evaluator's {@value #SHARE_OPTION}.
 */
public final class LocationEvidence {

    /** The group name the engine sees. */
    public static final String GROUP = "location";
    /** Option of {@code geo} and {@code impossible-travel}: the share a reason keeps beside a stronger one. */
    public static final String SHARE_OPTION = "correlated-share";
    public static final double DEFAULT_SHARE = 0.5;

    private LocationEvidence() {
    }
}
