package io.zerotrust.keycloak.risk.spi;

import java.util.Arrays;
import java.util.List;

/**
 * Names under which a risk assessment travels: authentication-session notes for later flow steps,
 * and event details for the event listener and the SOC.
 */
public final class RiskNotes {

    public static final String SCORE = "zt.risk.score";
    public static final String LEVEL = "zt.risk.level";
    /** Comma-separated reason codes, strongest first. */
    public static final String REASONS = "zt.risk.reasons";

    public static final String EVENT_SCORE = "zt_risk_score";
    public static final String EVENT_LEVEL = "zt_risk_level";
    public static final String EVENT_REASONS = "zt_risk_reasons";
    /** The device id of the sign-in's device cookie (valid or newly issued). */
    public static final String EVENT_DEVICE_ID = "zt_device_id";
    /**
     * {@code true} on a LOGIN when the assessment ran and the step-up its level required was met in this sign-in
     * (a LOW sign-in, or a verified second factor or level of authentication). Only such a LOGIN teaches a profile.
     */
    public static final String EVENT_VERIFIED = "zt_risk_verified";
    /**
     * {@code true} on a LOGIN_ERROR of a refusal that came after the user's password was verified: evidence of a
     * leaked credential, counted as a credential failure ({@code CredentialFailure}).
     */
    public static final String EVENT_PASSWORD_VERIFIED = "zt_password_verified";
    /**
     * With {@link #EVENT_PASSWORD_VERIFIED}: what the refusal rested on, {@code risk}, {@code source} or
     * {@code enrolment} ({@code RefusalBasis}); only {@code risk} is evidence of a leaked password.
     */
    public static final String EVENT_REFUSAL_BASIS = "zt_refusal_basis";
    /** On a refusal's LOGIN_ERROR: the support reference the user was shown (zt-deny). */
    public static final String EVENT_REFERENCE = "zt_reference";
    /** Event detail: the level of authentication the sign-in's risk required (absent when its level maps to none). */
    public static final String EVENT_ACR_LEVEL = "zt_acr_level";
    /** Event detail: otp, webauthn, enrol-otp, deny or none. */
    public static final String EVENT_FACTOR = "zt_mfa";
    /** Event detail for a user without OTP: {@code otp} (sent to set one up) or {@code refused}. */
    public static final String EVENT_ENROLMENT = "zt_enrolment";
    /**
     * Event detail and user-session note: what enforcing steps in report-only mode would have done in this sign-in
     * and did not, comma-separated in order ({@code deny}, {@code otp}, {@code webauthn}, {@code enrol-otp}). Such a
     * sign-in is never verified ({@link #EVENT_VERIFIED} false): it teaches no profile.
     */
    public static final String EVENT_REPORT_ONLY = "zt_report_only";
    /** Event detail: {@code trusted}, {@code declined}, {@code already} (trusted before) or {@code no-second-factor} (not offered). */
    public static final String EVENT_TRUSTED_DEVICE = "zt_trusted_device";
    /**
     * Event detail and authentication-session note: where GeoIP counts the sign-in's address as a hosting network
     * ({@code GEO_HOSTING_PROVIDER}), what said so: {@code anonymous-ip-database} or {@code asn-list}
     * ({@code HostingSource}); absent otherwise.
     */
    public static final String EVENT_GEO_HOSTING = "zt_geo_hosting";
    /**
     * The sign-in's GeoIP answer (address, location or problem, as JSON), in the authentication session: written by
     * the risk context's gathering, read back by the later steps and event listeners of the same sign-in instead of
     * a second lookup ({@code SignInLocation}). Never an event detail: only what the server wrote is trusted.
     */
    public static final String LOCATION = "zt.geo.lookup";
    /** Device id of the request, in the authentication session. */
    public static final String DEVICE_ID = "zt.device.id";

    /** The codes of a {@link #REASONS} note or an {@link #EVENT_REASONS} detail, in order; empty for null or blank. */
    public static List<String> codes(String reasons) {
        return reasons == null || reasons.isBlank() ? List.of()
                : Arrays.stream(reasons.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private RiskNotes() {
    }
}
