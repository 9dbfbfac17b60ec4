package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void mphConvertsToKmhByTheInternationalMile() {
        assertThat(Units.mphToKmh(60)).isCloseTo(96.56064, within(1e-9));
        assertThat(Units.factor("mph", "km/h")).hasValue(1.609344);
        assertThat(Units.factor("%", "%")).hasValue(1);
        assertThat(Units.factor("mph", "%")).isEmpty();
    }

    @Test
    void metricSeriesPublishesTheFirstNabSpeedInKmh() throws IOException {
        SeriesFile speed = SeriesFileTest.bundled("speed_t4013.csv");
        MetricSeries kmh = new MetricSeries("speed", "km/h", Units.factor("mph", "km/h").getAsDouble(), speed);

        assertThat(kmh.valueOf(speed.first())).isEqualTo(93.342); // 58 mph
        assertThat(kmh.valueOf(speed.last())).isEqualTo(96.561); // 60 mph
    }
}
