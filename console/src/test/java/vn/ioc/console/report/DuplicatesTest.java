package vn.ioc.console.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DuplicatesTest {

    /** Metres per degree of latitude on the mean sphere. */
    private static final double METRES_PER_DEGREE = Math.toRadians(1) * Duplicates.EARTH_RADIUS_METRES;

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(Duplicates.metres(16, 107, 17, 107)).isCloseTo(111_195, within(1.0));
    }

    @Test
    void oneDegreeOfLongitudeShrinksWithTheCosineOfLatitude() {
        assertThat(Duplicates.metres(16.469, 107, 16.469, 108)).isCloseTo(METRES_PER_DEGREE * Math.cos(Math.toRadians(16.469)), within(1.0));
    }

    @Test
    void distanceIsSymmetricAndZeroAtThePointItself() {
        assertThat(Duplicates.metres(16.469, 107.597, 16.4683, 107.5786)).isEqualTo(Duplicates.metres(16.4683, 107.5786, 16.469, 107.597));
        assertThat(Duplicates.metres(16.469, 107.597, 16.469, 107.597)).isZero();
    }

    @Test
    void pointThirtyMetresAwayIsNearAndEightyMetresAwayIsNot() {
        double lat = 16.469;
        double lon = 107.597;
        assertThat(Duplicates.near(lat, lon, lat + 30 / METRES_PER_DEGREE, lon)).isTrue();
        assertThat(Duplicates.near(lat, lon, lat, lon + 49 / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat))))).isTrue();
        assertThat(Duplicates.near(lat, lon, lat - 51 / METRES_PER_DEGREE, lon)).isFalse();
        assertThat(Duplicates.near(lat, lon, lat - 80 / METRES_PER_DEGREE, lon)).isFalse();
    }

    @Test
    void searchMarginsHoldTheWholeRadius() {
        double lat = 16.469;
        assertThat(Duplicates.latitudeMargin() * METRES_PER_DEGREE).isCloseTo(Duplicates.RADIUS_METRES, within(0.01));
        assertThat(Duplicates.metres(lat, 107.597, lat, 107.597 + Duplicates.longitudeMargin(lat)))
                .isGreaterThanOrEqualTo(Duplicates.RADIUS_METRES - 0.01);
    }
}
