package io.zerotrust.keycloak.access.sod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.tuning.MessageText;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console's "Conflict rules" page (declarative UI): each item names roles that no user may hold
 * together, directly, through groups, through composites or by activation.
 */
public class ConflictRulesPageFactory implements UiPageProviderFactory<UiPageProvider> {

    private static final Logger LOG = Logger.getLogger(ConflictRulesPageFactory.class);

    public static final String ID = "Conflict rules";
    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String ON_ADMIN_CHANGE = "on-admin-change";
    public static final String REPORT = "report";
    public static final String REVERT = "revert";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Segregation of duties: sets of roles that no user may hold together. An activation that would "
                + "break a rule is refused; an admin change that breaks one is reported at once and, where set, "
                + "reverted; tokens never carry more than one role of a rule.";
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(NAME, ROLES));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty name = new ProviderConfigProperty(NAME, "Name", "What the rule keeps apart, in a few "
                + "words (shown to users whose activation it refuses).", ProviderConfigProperty.STRING_TYPE, null);
        name.setRequired(true);
        properties.add(name);
        ProviderConfigProperty roles = new ProviderConfigProperty(ROLES, "Roles kept apart",
                "Two or more roles, one per entry: a realm role's name, or <clientId>.<role> for a client role.",
                ProviderConfigProperty.MULTIVALUED_STRING_TYPE, null);
        roles.setRequired(true);
        properties.add(roles);
        ProviderConfigProperty action = new ProviderConfigProperty(ON_ADMIN_CHANGE, "On an admin's conflicting change",
                "report: the change stays and the conflict is reported; revert: the change is undone at once and "
                        + "reported.", ProviderConfigProperty.LIST_TYPE, REPORT);
        action.setOptions(List.of(REPORT, REVERT));
        properties.add(action);
        return properties;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        ConflictRule rule = ConflictRule.of(model);
        List<String> problems = new ArrayList<>();
        for (String role : rule.roles()) {
            if (KeycloakModelUtils.getRoleFromString(realm, role) == null) {
                problems.add("role '" + role + "' does not exist");
            }
        }
        if (rule.roles().size() < 2) {
            problems.add("name at least two roles");
        }
        String action = model.get(ON_ADMIN_CHANGE);
        if (action != null && !action.isBlank() && !REPORT.equals(action) && !REVERT.equals(action)) {
            problems.add(ON_ADMIN_CHANGE + " '" + action + "' is neither " + REPORT + " nor " + REVERT);
        }
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(MessageText.escape("Conflict rule not saved: "
                    + String.join("; ", problems)));
        }
        // Here rather than in onCreate: a realm import validates its components but does not notify their creation
        if (!ConflictTokenGuard.placeIn(realm)) {
            LOG.warnf("Realm %s has no client scope '%s': add the protocol mapper %s to the scopes that carry roles, "
                    + "or tokens may carry roles this rule keeps apart", realm.getName(), ConflictTokenGuard.ROLES_SCOPE,
                    ConflictTokenGuard.PROVIDER_ID);
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
