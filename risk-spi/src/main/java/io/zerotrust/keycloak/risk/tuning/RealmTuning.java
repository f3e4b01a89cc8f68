package io.zerotrust.keycloak.risk.tuning;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * A realm's Zero Trust settings: the one component of the admin console's Zero Trust page
 * ({@link ZeroTrustPageFactory}) whose parent is the realm, so it is exported and imported with the realm. Its
 * keys are {@code <evaluator id>--<option key>} (the server-wide option's own key), plus
 * {@link ZeroTrustPageFactory#DISABLED_EVALUATORS}. A blank value means "not set here".
 */
public final class RealmTuning {

    /** Between evaluator id and option key, as in {@code --spi-zt-risk-evaluator--<id>--<key>}. */
    public static final String SEPARATOR = "--";

    private RealmTuning() {
    }

    /** The page's component of the realm, if an admin saved one. */
    public static Optional<ComponentModel> component(RealmModel realm) {
        if (realm == null) {
            return Optional.empty();
        }
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> ZeroTrustPageFactory.ID.equals(component.getProviderId()))
                .findFirst();
    }

    /** The realm's own values of one evaluator's options, by option key; empty without any. */
    public static Map<String, String> overrides(RealmModel realm, String evaluatorId) {
        return component(realm).map(component -> overrides(component, evaluatorId)).orElse(Map.of());
    }

    /** The values of {@code evaluatorId}'s options in a component's config, by option key, blank ones left out. */
    public static Map<String, String> overrides(ComponentModel component, String evaluatorId) {
        String prefix = evaluatorId + SEPARATOR;
        Map<String, String> values = new HashMap<>();
        component.getConfig().forEach((name, list) -> {
            if (name.startsWith(prefix)) {
                String value = joined(list);
                if (!value.isBlank()) {
                    values.put(name.substring(prefix.length()), value);
                }
            }
        });
        return values;
    }

    /** Evaluators the realm switched off: they never run in its sign-ins. */
    public static Set<String> disabledEvaluators(RealmModel realm) {
        return component(realm).map(component -> values(component.getConfig().get(ZeroTrustPageFactory.DISABLED_EVALUATORS)))
                .orElse(Set.of());
    }

    /** Whether the evaluator runs in the session's realm (it does unless the realm switched it off). */
    public static boolean runs(KeycloakSession session, String evaluatorId) {
        return !disabledEvaluators(session.getContext().getRealm()).contains(evaluatorId);
    }

    /** A multivalued setting (the admin console sends a list) as one comma-separated value, as options are written. */
    static String joined(List<String> list) {
        return list == null ? "" : list.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                .collect(Collectors.joining(","));
    }

    static Set<String> values(List<String> list) {
        return Arrays.stream(joined(list).split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
