package io.zerotrust.keycloak.risk.travel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GreatCircleTest {

    @Test
    void parisToNewYork() {
        assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 40.7128, -74.0060)).isCloseTo(5837, within(5.0));
    }

    @Test
    void londonToSydneyAcrossTheDateLineDirection() {
        // London (51.5074, -0.1278) to Sydney (-33.8688, 151.2093): about 16,990 km
        assertThat(GreatCircle.distanceKm(51.5074, -0.1278, -33.8688, 151.2093)).isCloseTo(16990, within(20.0));
    }

    @Test
    void berlinToTokyo() {
        // about 8,920 km
        assertThat(GreatCircle.distanceKm(52.5200, 13.4050, 35.6895, 139.6917)).isCloseTo(8920, within(15.0));
    }

    @Test
    void oneDegreeOfLatitude() {
        assertThat(GreatCircle.distanceKm(0, 0, 1, 0)).isCloseTo(111.19, within(0.05));
    }

    @Test
    void samePointAndAntipodes() {
        assertThat(GreatCircle.distanceKm(12.3, 45.6, 12.3, 45.6)).isZero();
        assertThat(GreatCircle.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, within(0.001));
        assertThat(GreatCircle.distanceKm(90, 0, -90, 0)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, within(0.001));
    }

    @Test
    void symmetric() {
        assertThat(GreatCircle.distanceKm(48.8566, 2.3522, 40.7128, -74.0060))
                .isEqualTo(GreatCircle.distanceKm(40.7128, -74.0060, 48.8566, 2.3522));
    }
}
