package io.zerotrust.keycloak.risk.geo;

import io.zerotrust.keycloak.risk.spi.MapScope;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluatorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.provider.Spi;

import static org.assertj.core.api.Assertions.assertThat;

/** The factories as Keycloak finds and configures them. */
class ProviderRegistrationTest {

    @TempDir
    Path dir;

    @Test
    void spisAndFactoriesAreRegistered() {
        assertThat(ServiceLoader.load(Spi.class).stream().map(p -> p.get().getName()))
                .contains("zt-geoip", "zt-risk-evaluator");
        assertThat(ServiceLoader.load(GeoIpProviderFactory.class).stream().map(p -> p.get().getId()))
                .containsExactly("maxmind");
        assertThat(ServiceLoader.load(RiskEvaluatorProviderFactory.class).stream().map(p -> p.get().getId()))
                .contains("geo", "impossible-travel");
    }

    @Test
    void maxmindFactoryOpensConfiguredFilesAndReportsThem() throws Exception {
        GeoIpFixtures.writeDefaults(dir);
        Path missing = dir.resolve("missing.mmdb");
        MaxMindGeoIpProviderFactory factory = new MaxMindGeoIpProviderFactory();
        factory.init(new MapScope(Map.of(
                MaxMindGeoIpProviderFactory.CITY_DATABASE, dir.resolve(GeoIpFixtures.CITY_FILE).toString(),
                MaxMindGeoIpProviderFactory.ASN_DATABASE, dir.resolve(GeoIpFixtures.ASN_FILE).toString())));
        try {
            GeoIpProvider provider = factory.create(null);
            assertThat(provider.lookup(GeoIpFixtures.BERLIN_IP).location().asn()).isEqualTo(64500L);
            assertThat(factory.getOperationalInfo())
                    .containsEntry("city-database", dir.resolve(GeoIpFixtures.CITY_FILE)
                            + " (GeoIP2-City, built 2023-11-14T22:13:20Z)")
                    .containsEntry("anonymous-database", "not configured")
                    .containsEntry(MaxMindGeoIpProviderFactory.LOOKUPS_INFO, "1");
        } finally {
            factory.close();
        }

        MaxMindGeoIpProviderFactory broken = new MaxMindGeoIpProviderFactory();
        broken.init(new MapScope(Map.of(MaxMindGeoIpProviderFactory.CITY_DATABASE, missing.toString())));
        assertThat(broken.getOperationalInfo()).containsEntry("city-database", missing + ": ERROR file not found");
        assertThat(broken.create(null).lookup(GeoIpFixtures.BERLIN_IP).problem()).contains("file not found");
        broken.close();

        MaxMindGeoIpProviderFactory unconfigured = new MaxMindGeoIpProviderFactory();
        unconfigured.init(new MapScope(Map.of()));
        assertThat(unconfigured.create(null).lookup("192.0.2.1").problem()).isEqualTo("no GeoIP database configured");
    }

    @Test
    void aReplacedFileIsOpenedAgainWithinReloadSeconds() throws Exception {
        Path city = dir.resolve("city.mmdb");
        GeoIpFixtures.writeCityFixture(city, List.of(
                new GeoIpFixtures.CityEntry("192.0.2.0/24", "DE", "Germany", "Berlin", 52.52, 13.405, 300)));
        MaxMindGeoIpProviderFactory factory = new MaxMindGeoIpProviderFactory();
        factory.init(new MapScope(Map.of(MaxMindGeoIpProviderFactory.CITY_DATABASE, city.toString(),
                MaxMindGeoIpProviderFactory.RELOAD_SECONDS, "1")));
        try {
            assertThat(factory.create(null).lookup(GeoIpFixtures.BERLIN_IP).location().city()).isEqualTo("Berlin");
            Path release = dir.resolve("city.mmdb.new");
            GeoIpFixtures.writeCityFixture(release, List.of(
                    new GeoIpFixtures.CityEntry("192.0.2.0/24", "AT", "Austria", "Vienna", 48.208, 16.373, 300)));
            java.nio.file.Files.move(release, city, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // The default (30 s) would not check again within this deadline
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            String answer;
            do {
                answer = factory.create(null).lookup(GeoIpFixtures.BERLIN_IP).location().city();
            } while (!"Vienna".equals(answer) && System.nanoTime() < deadline && pause());
            assertThat(answer).isEqualTo("Vienna");
        } finally {
            factory.close();
        }
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    @Test
    void evaluatorFactoriesReadTheirOptions() {
        GeoEvaluatorFactory geo = new GeoEvaluatorFactory();
        geo.init(new MapScope(Map.of(GeoEvaluatorFactory.DENY_COUNTRIES, "JP")));
        RiskEvaluatorProvider provider = geo.create(null);
        GeoLocation tokyo = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, null, null,
                false, false, false, false);
        RiskContext context = RiskContext.builder("demo", java.time.Instant.now()).location(tokyo).build();
        assertThat(provider.id()).isEqualTo("geo");
        assertThat(provider.evaluate(context).reasons()).extracting(r -> r.code()).containsExactly("GEO_COUNTRY_DENIED");

        ImpossibleTravelEvaluatorFactory travel = new ImpossibleTravelEvaluatorFactory();
        travel.init(new MapScope(Map.of(ImpossibleTravelEvaluatorFactory.MAX_SPEED_KMH, "fast")));
        assertThat(travel.create(null).id()).isEqualTo("impossible-travel");
        assertThat(geo.getConfigMetadata()).extracting(p -> p.getName())
                .contains("deny-countries", "allow-countries", "internal-addresses", "new-country-log-odds");
        assertThat(travel.getConfigMetadata()).extracting(p -> p.getName()).containsExactly("max-speed-kmh", "log-odds",
                "correlated-share", "imprecise-radius-km", "mobile-asns", "imprecise-log-odds");
        assertThat(List.of(geo.getId(), travel.getId())).containsExactly("geo", "impossible-travel");
    }
}
