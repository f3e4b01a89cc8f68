package io.zerotrust.keycloak.risk.context;

import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.risk.geo.GeoIpProvider;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many GeoIP lookups a sign-in costs: the parts of {@link SignInLocation} free of Keycloak ({@link RequestLocations}
 * per request, {@link LocationNote} in the authentication session) around a provider that counts its lookups.
 */
class SignInLocationTest {

    private static final String BERLIN_IP = "198.51.100.7";
    private static final GeoLocation BERLIN = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.405, 20, 64500L,
            "Example Net", false, false, false, false);

    /** Answers Berlin for every address and remembers each address it was asked for. */
    private static final class CountingGeoIp implements GeoIpProvider {
        final List<String> asked = new ArrayList<>();

        @Override
        public GeoLookup lookup(String ip) {
            asked.add(ip);
            return GeoLookup.found(BERLIN);
        }
    }

    private final CountingGeoIp geoIp = new CountingGeoIp();

    @Test
    void anAssessedLoginAfterASecondFactorCostsOneLookup() {
        // Request 1, the password: the network condition and the assessment gather, the assessment carries the answer
        RequestLocations password = new RequestLocations();
        GeoLookup network = password.locate(BERLIN_IP, null, geoIp);
        GeoLookup assessed = password.locate(BERLIN_IP, null, geoIp);
        String carried = LocationNote.write(BERLIN_IP, assessed);

        // Request 2, the code: Keycloak sends LOGIN; zt-events and zt-risk-learning each ask for its location
        RequestLocations code = new RequestLocations();
        GeoLookup forEvents = code.locate(BERLIN_IP, carried, geoIp);
        GeoLookup forLearning = code.locate(BERLIN_IP, carried, geoIp);

        assertThat(geoIp.asked).containsExactly(BERLIN_IP);
        assertThat(List.of(network, forEvents, forLearning)).allSatisfy(lookup -> assertThat(lookup).isEqualTo(assessed));
        assertThat(forEvents.location()).isEqualTo(BERLIN);
    }

    @Test
    void anAssessedLoginInTheRequestOfTheAssessmentCostsOneLookup() {
        RequestLocations request = new RequestLocations();
        String carried = LocationNote.write(BERLIN_IP, request.locate(BERLIN_IP, null, geoIp));

        request.locate(BERLIN_IP, carried, geoIp);
        request.locate(BERLIN_IP, carried, geoIp);

        assertThat(geoIp.asked).hasSize(1);
    }

    @Test
    void anEventWithNoAssessmentIsLookedUpOnceWhicheverListenersAsk() {
        RequestLocations tokenRequest = new RequestLocations();
        tokenRequest.locate(BERLIN_IP, null, geoIp);
        tokenRequest.locate(BERLIN_IP, null, geoIp);

        assertThat(geoIp.asked).containsExactly(BERLIN_IP);
    }

    @Test
    void aSignInThatMovedToAnotherAddressIsLookedUpAgainForThatOne() {
        String carried = LocationNote.write(BERLIN_IP, GeoLookup.found(BERLIN));

        new RequestLocations().locate("203.0.113.9", carried, geoIp);

        assertThat(geoIp.asked).containsExactly("203.0.113.9");
    }

    @Test
    void anUnreadableNoteIsLookedUpAgain() {
        new RequestLocations().locate(BERLIN_IP, "{not json", geoIp);
        new RequestLocations().locate(BERLIN_IP, "{\"ip\":\"" + BERLIN_IP + "\"}", geoIp);

        assertThat(geoIp.asked).hasSize(2);
    }

    @Test
    void theNoteKeepsTheWholeAnswerProblemsIncluded() {
        assertThat(LocationNote.read(LocationNote.write(BERLIN_IP, GeoLookup.found(BERLIN)), BERLIN_IP))
                .isEqualTo(GeoLookup.found(BERLIN));
        GeoLookup internal = GeoLookup.internalAddress("10.0.0.1", "private");
        assertThat(LocationNote.read(LocationNote.write("10.0.0.1", internal), "10.0.0.1")).isEqualTo(internal);
        assertThat(LocationNote.read(LocationNote.write(BERLIN_IP, GeoLookup.found(BERLIN)), "10.0.0.1")).isNull();
    }

    @Test
    void noAddressOrNoProviderNeedsNoLookup() {
        RequestLocations request = new RequestLocations();

        assertThat(request.locate(null, null, geoIp).problem()).isEqualTo("the client address is unknown");
        assertThat(request.locate(BERLIN_IP, null, null).problem()).isEqualTo(GeoLookup.NOT_CONFIGURED);
        assertThat(geoIp.asked).isEmpty();
    }
}
