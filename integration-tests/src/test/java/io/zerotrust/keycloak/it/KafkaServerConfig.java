package io.zerotrust.keycloak.it;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * {@link ZeroTrustServerConfig} with the zt-events Kafka sink producing to the local broker ({@link KafkaBroker})
 * on topic {@link #TOPIC}, with short timeouts so that a stopped broker fails a batch within seconds.
 */
public class KafkaServerConfig extends ZeroTrustServerConfig {

    static final String TOPIC = "zt-events-it";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return super.configure(config)
                .spiOption("events-listener", "zt-events", "kafka-bootstrap-servers", KafkaBroker.BOOTSTRAP)
                .spiOption("events-listener", "zt-events", "kafka-topic", TOPIC)
                .spiOption("events-listener", "zt-events", "kafka-client-id", "zt-it")
                .spiOption("events-listener", "zt-events", "kafka-delivery-timeout-ms", "10000")
                .spiOption("events-listener", "zt-events", "kafka-max-block-ms", "2000");
    }
}
