package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.AirQualityIndex.Pollutant;

class AirQualityIndexTest {

    private static final double NA = Double.NaN;
    private static final Instant END = Instant.parse("2026-11-23T13:00:00Z");

    @Test
    void subIndexAtEachBreakpointIsTheTablesIndex() {
        // Table 2 of Decision 1459/QĐ-TCMT: I = 0, 50, 100, 150, 200, 300, 400, 500
        double[] pm25 = {0, 25, 50, 80, 150, 250, 350, 500};
        double[] pm10 = {0, 50, 150, 250, 350, 420, 500, 600};
        int[] index = {0, 50, 100, 150, 200, 300, 400, 500};
        for (int i = 0; i < index.length; i++) {
            assertThat(AirQualityIndex.subIndex(Pollutant.PM25, pm25[i])).as("PM2.5 %s", pm25[i]).isCloseTo(index[i], within(1e-9));
            assertThat(AirQualityIndex.subIndex(Pollutant.PM10, pm10[i])).as("PM10 %s", pm10[i]).isCloseTo(index[i], within(1e-9));
        }
    }

    @Test
    void subIndexBetweenBreakpointsIsLinear() {
        // PM2.5 37.5: halfway from 25 (50) to 50 (100) -> 75
        assertThat(AirQualityIndex.subIndex(Pollutant.PM25, 37.5)).isCloseTo(75, within(1e-9));
        // PM2.5 55.7, the decision's daily example: 100 + 50 / 30 x 5.7 = 109.5
        assertThat(AirQualityIndex.subIndex(Pollutant.PM25, 55.7)).isCloseTo(109.5, within(1e-9));
        // PM2.5 200: 200 + 100 / 100 x 50 = 250
        assertThat(AirQualityIndex.subIndex(Pollutant.PM25, 200)).isCloseTo(250, within(1e-9));
        // PM10 385: halfway from 350 (200) to 420 (300) -> 250
        assertThat(AirQualityIndex.subIndex(Pollutant.PM10, 385)).isCloseTo(250, within(1e-9));
        // PM10 100: 50 + 50 / 100 x 50 = 75
        assertThat(AirQualityIndex.subIndex(Pollutant.PM10, 100)).isCloseTo(75, within(1e-9));
    }

    @Test
    void concentrationAboveTheTopBreakpointIs500() {
        assertThat(AirQualityIndex.subIndex(Pollutant.PM25, 900)).isEqualTo(500);
        assertThat(AirQualityIndex.subIndex(Pollutant.PM10, 601)).isEqualTo(500);
    }

    @Test
    void negativeOrNonFiniteConcentrationIsRefused() {
        assertThatThrownBy(() -> AirQualityIndex.subIndex(Pollutant.PM25, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 µg/m³ or more but was -1.0");
        assertThatThrownBy(() -> AirQualityIndex.subIndex(Pollutant.PM10, Double.POSITIVE_INFINITY))
                .hasMessageContaining("finite concentration");
    }

    @Test
    void nowCastOfTheDecisionsExample() {
        // Section 2.3 a: PM2.5 from 09:00 to 20:00, newest first here. w* = 16.5 / 26.9 = 0.613 > 0.5,
        // NowCast = sum(w^(i-1) c_i) / sum(w^(i-1)) = 20.27 (the decision: 20.3), sub-index 2 x 20.27 = 40.5 -> 41
        double[] c = {20.6, 19.6, 22.4, 20.3, 16.5, 19.0, 16.5, 19.5, 23.5, 20.5, 24.7, 26.9};
        assertThat(AirQualityIndex.nowCast(c).getAsDouble()).isCloseTo(20.27, within(0.005));
        HourlyAqi aqi = AirQualityIndex.hourly(END, Map.of(Pollutant.PM25, c)).orElseThrow();
        assertThat(aqi.aqi()).isEqualTo(41);
        assertThat(aqi.band()).isEqualTo(AirQualityBand.GOOD);
    }

    @Test
    void nowCastWeightIsFlooredAtOneHalf() {
        // min / max = 10 / 100 = 0.1, so w = 0.5:
        // (100 + 10 x (0.5 + ... + 0.5^11)) / (1 + 0.5 + ... + 0.5^11) = (100 + 9.9951) / 1.99951 = 55.01
        double[] c = {100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        assertThat(AirQualityIndex.nowCast(c).getAsDouble()).isCloseTo(55.01, within(0.005));
    }

    @Test
    void steadyAirHasItsOwnValueAsNowCast() {
        assertThat(AirQualityIndex.nowCast(new double[] {30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30}).getAsDouble()).isCloseTo(30, within(1e-9));
    }

    @Test
    void missingHourWeighsNothing() {
        // c1 = 40, c2 missing, c3 = 20: w* = 0.5, (40 + 0.25 x 20) / (1 + 0.25) = 36
        assertThat(AirQualityIndex.nowCast(new double[] {40, NA, 20}).getAsDouble()).isCloseTo(36, within(1e-9));
    }

    @Test
    void nowCastNeedsTwoOfTheLastThreeHours() {
        assertThat(AirQualityIndex.nowCast(new double[] {40, NA, NA, 30, 30, 30})).isEmpty();
        assertThat(AirQualityIndex.nowCast(new double[] {NA, NA, 40, 30, 30, 30})).isEmpty();
        assertThat(AirQualityIndex.nowCast(new double[] {40})).isEmpty();
        assertThat(AirQualityIndex.nowCast(new double[] {40, 40, NA})).isPresent();
        assertThat(AirQualityIndex.nowCast(new double[] {NA, 40, 40})).isPresent();
        assertThat(AirQualityIndex.nowCast(new double[] {40, NA, 40})).isPresent();
    }

    @Test
    void hourlyAqiIsTheLargestSubIndexRounded() {
        // PM2.5 steady 30 -> 60; PM10 steady 385 -> 250
        double[] pm25 = {30, 30, 30};
        double[] pm10 = {385, 385, 385};
        HourlyAqi aqi = AirQualityIndex.hourly(END, Map.of(Pollutant.PM25, pm25, Pollutant.PM10, pm10)).orElseThrow();
        assertThat(aqi.aqi()).isEqualTo(250);
        assertThat(aqi.dominant()).isEqualTo(Pollutant.PM10);
        assertThat(aqi.band()).isEqualTo(AirQualityBand.VERY_BAD);
        // the AQI is rounded before its band: PM2.5 50.2 -> 100.33 -> 100, moderate; 50.3 -> 100.5 -> 101, poor
        assertThat(AirQualityIndex.hourly(END, Map.of(Pollutant.PM25, new double[] {50.2, 50.2})).orElseThrow().band()).isEqualTo(AirQualityBand.MODERATE);
        assertThat(AirQualityIndex.hourly(END, Map.of(Pollutant.PM25, new double[] {50.3, 50.3})).orElseThrow().aqi()).isEqualTo(101);
    }

    @Test
    void noPollutantWithANowCastGivesNoAqi() {
        assertThat(AirQualityIndex.hourly(END, Map.of(Pollutant.PM25, new double[] {30, NA, NA}))).isEmpty();
    }

    @Test
    void bandsFollowTableOne() {
        assertThat(AirQualityBand.of(0)).isEqualTo(AirQualityBand.GOOD);
        assertThat(AirQualityBand.of(50)).isEqualTo(AirQualityBand.GOOD);
        assertThat(AirQualityBand.of(51)).isEqualTo(AirQualityBand.MODERATE);
        assertThat(AirQualityBand.of(100)).isEqualTo(AirQualityBand.MODERATE);
        assertThat(AirQualityBand.of(101)).isEqualTo(AirQualityBand.POOR);
        assertThat(AirQualityBand.of(150)).isEqualTo(AirQualityBand.POOR);
        assertThat(AirQualityBand.of(151)).isEqualTo(AirQualityBand.BAD);
        assertThat(AirQualityBand.of(200)).isEqualTo(AirQualityBand.BAD);
        assertThat(AirQualityBand.of(201)).isEqualTo(AirQualityBand.VERY_BAD);
        assertThat(AirQualityBand.of(300)).isEqualTo(AirQualityBand.VERY_BAD);
        assertThat(AirQualityBand.of(301)).isEqualTo(AirQualityBand.HAZARDOUS);
        assertThat(AirQualityBand.of(500)).isEqualTo(AirQualityBand.HAZARDOUS);
        assertThatThrownBy(() -> AirQualityBand.of(501)).hasMessageContaining("0 to 500 but was 501");
        assertThat(AirQualityBand.BAD.vietnamese()).isEqualTo("xấu");
        assertThat(AirQualityBand.HAZARDOUS.english()).isEqualTo("hazardous");
        assertThat(AirQualityBand.POOR.rgb()).isEqualTo("255;126;0");
    }

    @Test
    void onlyPoorOrWorseAirRaisesAnIncident() {
        assertThat(AirQualityBand.GOOD.severity()).isEmpty();
        assertThat(AirQualityBand.MODERATE.severity()).isEmpty();
        assertThat(AirQualityBand.POOR.severity()).contains(Incident.Severity.LOW);
        assertThat(AirQualityBand.BAD.severity()).contains(Incident.Severity.MEDIUM);
        assertThat(AirQualityBand.VERY_BAD.severity()).contains(Incident.Severity.HIGH);
        assertThat(AirQualityBand.HAZARDOUS.severity()).contains(Incident.Severity.CRITICAL);
    }
}
