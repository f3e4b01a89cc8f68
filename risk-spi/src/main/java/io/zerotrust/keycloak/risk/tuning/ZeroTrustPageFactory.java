package io.zerotrust.keycloak.risk.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console's "Zero Trust" page (Keycloak's declarative UI, {@code --features=declarative-ui}): one form per
 * realm whose values override the evaluators' server-wide options in that realm. What is saved is a component whose
 * parent is the realm, so it travels with the realm's export and import; {@link RealmTuning} reads it at sign-in.
 * A value the evaluator's own parser cannot read is refused when saved, so it never reaches a sign-in.
 */
public class ZeroTrustPageFactory implements UiPageProviderFactory<UiPageProvider> {

    /** The page's id, also its title in the realm's navigation. */
    public static final String ID = "Zero Trust";
    /** A label of the realm's settings, shown in the page's list. */
    public static final String NAME = "name";
    /** Evaluators that never run in the realm. */
    public static final String DISABLED_EVALUATORS = "disabled-evaluators";
    static final String DEFAULT_NAME = "Zero Trust settings";

    private volatile KeycloakSessionFactory sessionFactory;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Tuning of the Zero Trust risk evaluators for this realm. A value set here overrides the server-wide "
                + "option (--spi-zt-risk-evaluator--<evaluator>--<key>) in this realm only; an empty field keeps the "
                + "server-wide option, else the built-in default. One set of settings per realm.";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(NAME));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty name = new ProviderConfigProperty(NAME, "Name",
                "A label for this realm's Zero Trust settings; it changes nothing else.",
                ProviderConfigProperty.STRING_TYPE, DEFAULT_NAME);
        name.setRequired(true);
        properties.add(name);
        List<RiskEvaluatorProviderFactory> evaluators = evaluators();
        ProviderConfigProperty disabled = new ProviderConfigProperty(DISABLED_EVALUATORS, "Evaluators off in this realm",
                "Evaluators that never run in this realm's sign-ins, whatever a risk assessment step's "
                        + "enabledEvaluators says, nor in its network checks (zt-condition-network, "
                        + "zt-username-password-form). Empty: all run.",
                ProviderConfigProperty.MULTIVALUED_LIST_TYPE, null);
        disabled.setOptions(evaluators.stream().map(RiskEvaluatorProviderFactory::getId).toList());
        properties.add(disabled);
        for (RiskEvaluatorProviderFactory evaluator : evaluators) {
            for (ProviderConfigProperty option : evaluator.realmOptions()) {
                properties.add(pageProperty(evaluator.getId(), option));
            }
        }
        return properties;
    }

    /**
     * The option as a field of the page. No default value: a field filled with the built-in default would, once
     * saved, override the server-wide option.
     */
    static ProviderConfigProperty pageProperty(String evaluatorId, ProviderConfigProperty option) {
        String key = option.getName();
        StringBuilder help = new StringBuilder(option.getHelpText() == null ? "" : option.getHelpText().trim());
        if (option.getDefaultValue() != null && !option.getDefaultValue().toString().isBlank()) {
            help.append(help.isEmpty() ? "" : " ").append("Built-in default: ").append(option.getDefaultValue()).append('.');
        }
        help.append(" Empty: the server-wide option --spi-zt-risk-evaluator--").append(evaluatorId).append("--").append(key)
                .append(", else the built-in default.");
        ProviderConfigProperty field = new ProviderConfigProperty(evaluatorId + RealmTuning.SEPARATOR + key,
                evaluatorId + ": " + key, help.toString(), option.getType(), null, option.isSecret());
        List<String> choices = option.getOptions();
        if (choices != null && ProviderConfigProperty.LIST_TYPE.equals(option.getType())) {
            // A single choice always has a value: an empty first choice keeps the server's
            List<String> withEmpty = new ArrayList<>();
            withEmpty.add("");
            withEmpty.addAll(choices);
            choices = withEmpty;
        }
        field.setOptions(choices);
        return field;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RealmTuning.component(realm).filter(existing -> !existing.getId().equals(model.getId())).ifPresent(existing -> {
            throw new ComponentValidationException(MessageText.escape("This realm already has its Zero Trust settings ('"
                    + existing.get(NAME) + "', id " + existing.getId() + "): edit them instead of adding more."));
        });
        List<String> problems = problems(model, evaluators());
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(MessageText.escape("Zero Trust settings not saved: "
                    + String.join("; ", problems)));
        }
    }

    /** What is wrong with a component's settings: unknown evaluators or options, and values their parsers refuse. */
    static List<String> problems(ComponentModel model, List<RiskEvaluatorProviderFactory> evaluators) {
        List<String> problems = new ArrayList<>();
        Map<String, RiskEvaluatorProviderFactory> byId = new java.util.HashMap<>();
        evaluators.forEach(evaluator -> byId.put(evaluator.getId(), evaluator));
        for (String disabled : RealmTuning.values(model.getConfig().get(DISABLED_EVALUATORS))) {
            if (!byId.containsKey(disabled)) {
                problems.add(DISABLED_EVALUATORS + ": no evaluator '" + disabled + "' is installed");
            }
        }
        // Other keys without the separator are the admin console's own (it adds its route parameters): ignored
        for (String name : model.getConfig().keySet()) {
            int separator = name.indexOf(RealmTuning.SEPARATOR);
            if (separator < 0) {
                continue;
            }
            String id = name.substring(0, separator);
            String key = name.substring(separator + RealmTuning.SEPARATOR.length());
            RiskEvaluatorProviderFactory evaluator = byId.get(id);
            if (evaluator == null) {
                problems.add(name + ": no evaluator '" + id + "' is installed");
            } else if (evaluator.realmOptions().stream().noneMatch(option -> option.getName().equals(key))) {
                problems.add(name + ": " + id + " has no option '" + key + "' a realm may set");
            }
        }
        for (RiskEvaluatorProviderFactory evaluator : evaluators) {
            Map<String, String> values = new java.util.HashMap<>(RealmTuning.overrides(model, evaluator.getId()));
            // only what a realm may set reaches the parser (refused above otherwise)
            values.keySet().retainAll(evaluator.realmOptions().stream().map(ProviderConfigProperty::getName).toList());
            if (!values.isEmpty()) {
                evaluator.realmOptionProblems(values).forEach(problem ->
                        problems.add(evaluator.getId() + ": " + MessageText.withoutFallback(problem)));
            }
        }
        return problems;
    }

    private List<RiskEvaluatorProviderFactory> evaluators() {
        KeycloakSessionFactory factory = sessionFactory;
        if (factory == null) {
            return List.of();
        }
        return factory.getProviderFactoriesStream(RiskEvaluatorProvider.class)
                .filter(RiskEvaluatorProviderFactory.class::isInstance).map(RiskEvaluatorProviderFactory.class::cast)
                .sorted(Comparator.comparing(RiskEvaluatorProviderFactory::getId)).toList();
    }

    /** Installed evaluator ids, for tests and the page's choices. */
    Set<String> evaluatorIds() {
        return Set.copyOf(evaluators().stream().map(RiskEvaluatorProviderFactory::getId).toList());
    }
}
