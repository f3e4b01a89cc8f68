package io.zerotrust.keycloak.it;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The risk scenarios again with Keycloak on PostgreSQL, so that the pack's tables, Liquibase changelog, row
 * locking and queries are proven on PostgreSQL as well as on H2. Runs in the surefire execution `postgresql`,
 * which is active where ZT_TEST_POSTGRES_URL (with _USER and _PASSWORD) names a database; .ci/run starts one.
 */
@EnabledIfEnvironmentVariable(named = "KC_TEST_DATABASE", matches = "remote",
        disabledReason = "Runs in the postgresql execution, where ZT_TEST_POSTGRES_URL names a PostgreSQL database")
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class PostgreSqlStorageTest extends RiskScoringTest {
}
