package io.zerotrust.keycloak.risk.learning;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.zerotrust.keycloak.risk.profile.ProfileLimits;
import io.zerotrust.keycloak.risk.profile.UserRiskProfileStore;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The global listener {@code zt-risk-learning}: learns user profiles from successful logins and records failed
 * ones for the velocity evaluator. Global, so it works in every realm without being enabled there.
 */
public class RiskLearningEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "zt-risk-learning";

    /** Days after which a country, city, network or device not seen again is forgotten. */
    public static final String CONFIG_RETENTION_DAYS = "profile-retention-days";
    /** Most devices remembered per user. */
    public static final String CONFIG_MAX_DEVICES = "profile-max-devices";
    /** Minutes failed logins are kept; must cover the login-failures evaluator's window. */
    public static final String CONFIG_FAILURE_RETENTION_MINUTES = "failure-retention-minutes";

    /**
     * true: also learn from a LOGIN without a risk verdict (no zt-risk-assessment in its flow, e.g. a password grant
     * through admin-cli). Unsafe: whoever holds a password can then teach the profile their place and device.
     */
    public static final String CONFIG_LEARN_UNASSESSED = "learn-unassessed";

    private static final Logger LOG = Logger.getLogger(RiskLearningEventListenerFactory.class);

    private ProfileLimits limits = ProfileLimits.DEFAULT;
    private Duration failureRetention = Duration.ofMinutes(60);
    private boolean learnUnassessed;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RiskLearningEventListener(session, limits, failureRetention, learnUnassessed);
    }

    @Override
    public void init(Config.Scope config) {
        OptionReader options = new OptionReader(PROVIDER_ID, config);
        Duration retention = options.duration(CONFIG_RETENTION_DAYS, ProfileLimits.DEFAULT.retention().toDays(),
                ChronoUnit.DAYS, 1);
        int maxDevices = options.integer(CONFIG_MAX_DEVICES, ProfileLimits.DEFAULT.maxDevices(), 1);
        limits = new ProfileLimits(ProfileLimits.DEFAULT.maxCountries(), ProfileLimits.DEFAULT.maxCities(),
                ProfileLimits.DEFAULT.maxNetworks(), maxDevices, retention);
        failureRetention = options.duration(CONFIG_FAILURE_RETENTION_MINUTES, 60, ChronoUnit.MINUTES, 1);
        learnUnassessed = options.bool(CONFIG_LEARN_UNASSESSED, false);
        if (learnUnassessed) {
            LOG.warnf("Option %s of %s is on: sign-ins no assessment judged teach user profiles, so whoever holds a password"
                    + " can teach a profile their place and device", CONFIG_LEARN_UNASSESSED, PROVIDER_ID);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // A deleted user or realm takes its learned profiles with it.
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new UserRiskProfileStore(removed.getKeycloakSession()).deleteUser(removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new UserRiskProfileStore(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

}
