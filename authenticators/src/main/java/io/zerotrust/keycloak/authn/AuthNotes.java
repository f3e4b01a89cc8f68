package io.zerotrust.keycloak.authn;

/**
 * Authentication-session notes that the pack's flow steps leave for later steps, beyond the risk verdict itself
 * (score, level and reasons are in {@link io.zerotrust.keycloak.risk.spi.RiskNotes}).
 */
public final class AuthNotes {

    /** ISO 3166-1 alpha-2 country code (upper case) of the sign-in's address; absent when GeoIP did not know it. */
    public static final String GEO_COUNTRY = "zt.geo.country";
    /** English city name of the sign-in's address; absent when GeoIP did not know it. */
    public static final String GEO_CITY = "zt.geo.city";

    /**
     * Comma-separated reason codes for which {@code zt-condition-network} matched the client address before the user
     * was known; {@code zt-deny} reports them when no assessment ran.
     */
    public static final String NETWORK_REASONS = "zt.network.reasons";

    /**
     * Set by {@code zt-otp-form} and {@code zt-adaptive-mfa} when they hand a user with no factor, who may not enrol
     * one at this risk, to {@code zt-deny}: such a refusal is not evidence of a leaked password.
     */
    public static final String REFUSED_FOR_WANT_OF_FACTOR = "zt.refusal.no-factor";

    private AuthNotes() {
    }
}
