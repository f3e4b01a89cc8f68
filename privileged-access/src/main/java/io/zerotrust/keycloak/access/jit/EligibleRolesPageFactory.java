package io.zerotrust.keycloak.access.jit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.tuning.MessageText;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console's "Eligible roles" page (declarative UI): each item makes a role eligible for some users or a
 * group, without assigning it, with the conditions of its activation. Items are components of the realm, so they
 * travel with its export and import.
 */
public class EligibleRolesPageFactory implements UiPageProviderFactory<UiPageProvider> {

    public static final String ID = "Eligible roles";
    public static final String ROLE = "role";
    public static final String DESCRIPTION = "description";
    public static final String USERS = "users";
    public static final String GROUP = "group";
    public static final String MAX_MINUTES = "max-minutes";
    public static final String JUSTIFICATION_REQUIRED = "justification-required";
    public static final String APPROVAL_REQUIRED = "approval-required";
    public static final String APPROVER_ROLE = "approver-role";
    public static final String ACR = "acr";
    static final int DEFAULT_MAX_MINUTES = 60;
    /** A week: longer is standing access by another name. */
    static final int LONGEST_MINUTES = 7 * 24 * 60;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Roles that users may activate for a limited time (just-in-time access) instead of holding them. "
                + "Activation needs a fresh sign-in at the level of authentication set here, and is refused at HIGH "
                + "risk or where it would break a conflict rule of the realm.";
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        // Config keys of this page only: the console labels each column by its property and fails on any other
        return Map.of("displayFields", List.of(ROLE, USERS, GROUP));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        properties.add(required(new ProviderConfigProperty(ROLE, "Role",
                "The realm or client role users may activate. It is not assigned to them: activation adds it for a "
                        + "while.", ProviderConfigProperty.ROLE_TYPE, null)));
        properties.add(new ProviderConfigProperty(DESCRIPTION, "What it allows",
                "A few words for the users, shown next to the role on their Privileged access page.",
                ProviderConfigProperty.STRING_TYPE, null));
        properties.add(new ProviderConfigProperty(USERS, "Eligible users",
                "Usernames of the users who may activate the role (a name that matches no user grants nothing).", ProviderConfigProperty.MULTIVALUED_STRING_TYPE, null));
        properties.add(new ProviderConfigProperty(GROUP, "Eligible group",
                "Members of this group (and of its subgroups) may activate the role.", ProviderConfigProperty.GROUP_TYPE,
                null));
        properties.add(new ProviderConfigProperty(MAX_MINUTES, "Maximum activation (minutes)",
                "The longest an activation may last, from 1 to " + LONGEST_MINUTES + " minutes. Default "
                        + DEFAULT_MAX_MINUTES + ".", ProviderConfigProperty.STRING_TYPE, String.valueOf(DEFAULT_MAX_MINUTES)));
        properties.add(new ProviderConfigProperty(JUSTIFICATION_REQUIRED, "Justification required",
                "Whether the user must say why they need the role.", ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        properties.add(new ProviderConfigProperty(APPROVAL_REQUIRED, "Approval required",
                "Whether another user holding the approver role must approve each activation. A requester never "
                        + "approves their own request.", ProviderConfigProperty.BOOLEAN_TYPE, "false"));
        properties.add(new ProviderConfigProperty(APPROVER_ROLE, "Approver role",
                "Holders of this role approve or refuse requests (needed when approval is required).",
                ProviderConfigProperty.ROLE_TYPE, null));
        properties.add(new ProviderConfigProperty(ACR, "Level of authentication",
                "The level of authentication (ACR) activation needs: a name of the realm's ACR to LoA mapping, or "
                        + "a level number. The user signs in again at this level before the role is activated.",
                ProviderConfigProperty.STRING_TYPE, null));
        return properties;
    }

    private static ProviderConfigProperty required(ProviderConfigProperty property) {
        property.setRequired(true);
        return property;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        List<String> problems = problems(session, realm, model);
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(MessageText.escape("Eligible role not saved: "
                    + String.join("; ", problems)));
        }
    }

    static List<String> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<String> problems = new ArrayList<>();
        Eligibility eligibility = Eligibility.of(model);
        RoleModel role = eligibility.resolveRole(realm);
        if (role == null) {
            problems.add("role '" + eligibility.role() + "' does not exist");
        }
        // Users and groups are not looked up: a realm import validates its components before it adds its users
        if (eligibility.usernames().isEmpty() && eligibility.groupPath() == null) {
            problems.add("name eligible users or a group");
        }
        if (maxMinutes(model.get(MAX_MINUTES)) < 0) {
            problems.add(MAX_MINUTES + " '" + model.get(MAX_MINUTES) + "' is not a whole number from 1 to " + LONGEST_MINUTES);
        }
        boolean approval = Boolean.parseBoolean(model.get(APPROVAL_REQUIRED));
        if (approval && eligibility.resolveApproverRole(realm) == null) {
            problems.add("approval is required but approver role '" + model.get(APPROVER_ROLE) + "' does not exist");
        }
        if (eligibility.acr() != null && levelOf(realm, eligibility.acr()) < 0) {
            problems.add("level of authentication '" + eligibility.acr() + "' is neither a number nor a name of the "
                    + "realm's ACR to LoA mapping");
        }
        return problems;
    }

    /** The configured maximum, the default when empty, -1 when unreadable. */
    static int maxMinutes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_MINUTES;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            return minutes >= 1 && minutes <= LONGEST_MINUTES ? minutes : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The level of an ACR name or number in the realm's mapping; -1 when neither. */
    static int levelOf(RealmModel realm, String acr) {
        Integer mapped = AcrUtils.getAcrLoaMap(realm).get(acr);
        if (mapped != null) {
            return mapped;
        }
        try {
            return Integer.parseInt(acr.trim());
        } catch (NumberFormatException e) {
            return -1;
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
