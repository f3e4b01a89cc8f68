package io.zerotrust.keycloak.it;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Runs the test classes grouped by their server configuration, so that the test framework starts each server once,
 * and the classes that start no framework server (ClusterTest, ProviderJarBuildTest) last. It stands in for the
 * framework's own ServerConfigClassOrderer, whose comparison is not symmetric for a class without
 * {@link KeycloakIntegrationTest} (it answers "greater" both ways), which JUnit refuses once there are enough
 * classes ("Comparison method violates its general contract").
 */
public class ServerConfigOrder implements ClassOrderer {

    private static final Comparator<ClassDescriptor> ORDER = Comparator
            .comparing((ClassDescriptor c) -> c.findAnnotation(KeycloakIntegrationTest.class).isEmpty())
            .thenComparing(c -> c.findAnnotation(KeycloakIntegrationTest.class)
                    .map(test -> test.config().getName()).orElse(""))
            .thenComparing(c -> c.getTestClass().getName());

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(ORDER);
    }
}
