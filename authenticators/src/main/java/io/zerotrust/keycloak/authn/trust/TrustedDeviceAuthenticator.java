package io.zerotrust.keycloak.authn.trust;

import java.time.Instant;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.factor.VerifiedFactor;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import io.zerotrust.keycloak.authn.FlowStep;
import org.keycloak.device.DeviceRepresentationProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.representations.account.DeviceRepresentation;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Offers to trust the device on which a second factor was just verified ({@link VerifiedFactor}). The device is the one the signed device
 * cookie names (zt-risk-assessment reads or issues it and leaves its id in the authentication session), so the
 * trust binds user and device; a forged or another user's cookie never names a trusted device.
 */
public class TrustedDeviceAuthenticator implements FlowStep {

    static final String TEMPLATE = "zt-trust-device.ftl";
    /** Form field of the page; {@value #CHOICE_TRUST} trusts the device, anything else declines. */
    static final String FORM_CHOICE = "zt-trust";
    static final String CHOICE_TRUST = "trust";

    private static final Logger LOG = Logger.getLogger(TrustedDeviceAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String deviceId = context.getAuthenticationSession().getAuthNote(RiskNotes.DEVICE_ID);
        if (deviceId == null) {
            LOG.warnf("Realm %s: zt-trusted-device runs without zt-risk-assessment before it, so there is no device to trust",
                    context.getRealm().getName());
            context.success();
            return;
        }
        if (!VerifiedFactor.inThisSignIn(context.getAuthenticationSession())) {
            // Trust is earned with a verified second factor; a skipped code or a set-up still to come earns none
            context.getEvent().detail(RiskNotes.EVENT_TRUSTED_DEVICE, "no-second-factor");
            context.success();
            return;
        }
        if (TrustedDevices.isTrusted(context.getUser(), deviceId, Instant.now())) {
            context.getEvent().detail(RiskNotes.EVENT_TRUSTED_DEVICE, "already");
            context.success();
            return;
        }
        TrustSettings.TrustPeriod period = settings(context).period();
        context.challenge(context.form()
                .setAttribute("ztTrustAmount", period.amount())
                .setAttribute("ztTrustUnit", period.unit().name())
                .createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String deviceId = authSession.getAuthNote(RiskNotes.DEVICE_ID);
        if (deviceId != null && CHOICE_TRUST.equals(form.getFirst(FORM_CHOICE))) {
            TrustSettings settings = settings(context);
            Instant now = Instant.now();
            TrustedDevices.trust(context.getUser(), deviceId, now, now.plus(settings.duration()), label(context), settings.maxDevices());
            context.getEvent().detail(RiskNotes.EVENT_TRUSTED_DEVICE, "trusted");
        } else {
            context.getEvent().detail(RiskNotes.EVENT_TRUSTED_DEVICE, "declined");
        }
        context.success();
    }

    private static TrustSettings settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return TrustSettings.read(config == null ? null : config.getConfig(), problem -> LOG.warnf("Realm %s, %s config %s: %s",
                context.getRealm().getName(), TrustedDeviceAuthenticatorFactory.PROVIDER_ID, config == null ? "-" : config.getAlias(), problem));
    }

    private static String label(AuthenticationFlowContext context) {
        DeviceRepresentationProvider devices = context.getSession().getProvider(DeviceRepresentationProvider.class);
        DeviceRepresentation device = devices == null ? null : devices.deviceRepresentation();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return TrustedDeviceLabel.of(device == null ? null : device.getBrowser(), device == null ? null : device.getOs(),
                authSession.getAuthNote(AuthNotes.GEO_CITY), authSession.getAuthNote(AuthNotes.GEO_COUNTRY));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
