package vn.ioc.streaming.detect;

import java.util.Optional;

import vn.ioc.ingest.contract.Incident;

/**
 * The six VN_AQI bands of Table 1 of Decision 1459/QĐ-TCMT (2019), with their Vietnamese
 * names, colours and RGB codes, and the incident severity each raises: none for good and
 * moderate air, from LOW for poor air up to CRITICAL for hazardous air.
 */
public enum AirQualityBand {
    GOOD(0, 50, "good", "tốt", "green", "0;228;0", null),
    MODERATE(51, 100, "moderate", "trung bình", "yellow", "255;255;0", null),
    POOR(101, 150, "poor", "kém", "orange", "255;126;0", Incident.Severity.LOW),
    BAD(151, 200, "bad", "xấu", "red", "255;0;0", Incident.Severity.MEDIUM),
    VERY_BAD(201, 300, "very bad", "rất xấu", "purple", "143;63;151", Incident.Severity.HIGH),
    HAZARDOUS(301, 500, "hazardous", "nguy hại", "brown", "126;0;35", Incident.Severity.CRITICAL);

    private final int min;
    private final int max;
    private final String english;
    private final String vietnamese;
    private final String colour;
    private final String rgb;
    private final Incident.Severity severity;

    AirQualityBand(int min, int max, String english, String vietnamese, String colour, String rgb, Incident.Severity severity) {
        this.min = min;
        this.max = max;
        this.english = english;
        this.vietnamese = vietnamese;
        this.colour = colour;
        this.rgb = rgb;
        this.severity = severity;
    }

    /** The band of a (rounded) hourly AQI. */
    public static AirQualityBand of(int aqi) {
        for (AirQualityBand b : values()) {
            if (aqi >= b.min && aqi <= b.max) {
                return b;
            }
        }
        throw new IllegalArgumentException("expected an AQI from 0 to 500 but was " + aqi);
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String english() {
        return english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String colour() {
        return colour;
    }

    /** "R;G;B" as Table 1 gives it. */
    public String rgb() {
        return rgb;
    }

    /** The severity of the incident this band raises; empty for good and moderate air. */
    public Optional<Incident.Severity> severity() {
        return Optional.ofNullable(severity);
    }
}
