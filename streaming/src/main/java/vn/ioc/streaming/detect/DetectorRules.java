package vn.ioc.streaming.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.anomaly.AnomalyDetector;

/**
 * The rules of each device type (threshold, anomaly, flat-line, missing-data, flood, VN_AQI, rate of change,
 * congestion against the usual traffic, drift from the neighbours), read from YAML ({@code detector-rules.yaml} on
 * the classpath by default). A device's birth message names its type.
 */
public final class DetectorRules implements Serializable {

    public static final String DEFAULT_RESOURCE = "/detector-rules.yaml";

    private final Map<String, DeviceTypeRules> byType;

    private DetectorRules(Map<String, DeviceTypeRules> byType) {
        this.byType = byType;
    }

    public static DetectorRules defaults() {
        try (InputStream in = DetectorRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DetectorRules load(InputStream yaml) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        Map<String, DeviceTypeRules> byType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> type : root.properties()) {
            List<CongestionWatch> congestion = new ArrayList<>();
            List<RateOfChangeRule> rates = new ArrayList<>();
            List<AirQualityWatch> air = new ArrayList<>();
            List<MissingDataWatch> missing = new ArrayList<>();
            List<FloodRule> floods = new ArrayList<>();
            List<ThresholdRule> rules = new ArrayList<>();
            List<AnomalyRule> anomalies = new ArrayList<>();
            List<FlatLineRule> flatLines = new ArrayList<>();
            List<DriftRule> drifts = new ArrayList<>();
            for (JsonNode r : type.getValue()) {
                String kind = r.path("kind").asString("threshold");
                switch (kind) {
                    case "threshold" -> rules.add(rule(type.getKey(), r));
                    case "anomaly" -> anomalies.add(anomalyRule(type.getKey(), r));
                    case "flat-line" -> flatLines.add(flatLineRule(type.getKey(), r));
                    case "missing-data" -> missing.add(missingData(type.getKey(), r));
                    case "flood" -> floods.add(flood(type.getKey(), r));
                    case "vn-aqi" -> air.add(airQuality(type.getKey(), r));
                    case "rate-of-change" -> rates.add(rateOfChange(type.getKey(), r));
                    case "congestion-profile" -> congestion.add(congestionProfile(type.getKey(), r));
                    case "drift" -> drifts.add(drift(type.getKey(), r));
                    default -> throw new IllegalArgumentException("device type " + type.getKey() + ", rule '" + r.path("id").asString("")
                            + "': expected 'kind' to be one of threshold, anomaly, flat-line, missing-data, flood, vn-aqi, rate-of-change,"
                            + " congestion-profile, drift but was '" + kind + "'");
                }
            }
            try {
                byType.put(type.getKey(),
                        new DeviceTypeRules(rules, anomalies, flatLines, missing, floods, air, rates, congestion, drifts));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("device type " + type.getKey() + ": " + e.getMessage(), e);
            }
        }
        return new DetectorRules(byType);
    }

    private static DriftRule drift(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric") || !r.has("minDeparture")) {
            throw new IllegalArgumentException(where + "expected an 'id', a 'metric' and 'minDeparture' (in the metric's unit)");
        }
        try {
            DriftRule d = DriftRule.defaults(id, r.path("metric").asString(), r.path("minDeparture").asDouble(),
                    r.path("unit").asString(null));
            return new DriftRule(id, d.metric(), r.path("minNeighbours").asInt(d.minNeighbours()),
                    r.has("period") ? duration(r, "period", where) : d.period(),
                    r.has("baseline") ? duration(r, "baseline", where) : d.baseline(),
                    r.has("warmUp") ? duration(r, "warmUp", where) : d.warmUp(),
                    r.has("recent") ? duration(r, "recent", where) : d.recent(),
                    r.path("departure").asDouble(d.departure()), d.minDeparture(), r.path("minShare").asDouble(d.minShare()),
                    r.has("for") ? duration(r, "for", where) : d.minDuration(), r.path("clearFraction").asDouble(d.clearFraction()),
                    r.has("clearAfter") ? duration(r, "clearAfter", where) : d.clearAfter(),
                    Incident.Severity.valueOf(r.path("severity").asString(d.severity().name())), d.unit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static CongestionWatch congestionProfile(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty()) {
            throw new IllegalArgumentException(where + "expected an 'id'");
        }
        try {
            CongestionRule rule = CongestionRule.defaults(id, java.time.ZoneId.of(r.path("zone").asString("Asia/Ho_Chi_Minh")),
                    CongestionRule.SpeedUnit.valueOf(r.path("unit").asString("KMH")));
            return new CongestionWatch(rule, r.path("speed").asString("speed"), r.path("occupancy").asString("occupancy"));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static RateOfChangeRule rateOfChange(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric") || !r.has("perHour") || !r.has("over")) {
            throw new IllegalArgumentException(where + "expected an 'id', a 'metric', a rate 'perHour' and the window 'over'");
        }
        try {
            double rate = r.path("perHour").asDouble();
            Duration min = r.has("for") ? duration(r, "for", where) : Duration.ZERO;
            return new RateOfChangeRule(id, r.path("metric").asString(),
                    RateOfChangeRule.Direction.valueOf(r.path("direction").asString("RISING")), rate,
                    r.path("clearPerHour").asDouble(rate / 2), duration(r, "over", where),
                    RateOfChangeRule.Slope.valueOf(r.path("slope").asString("LEAST_SQUARES")), r.path("points").asInt(16), min,
                    r.has("clearAfter") ? duration(r, "clearAfter", where) : min,
                    Incident.Type.valueOf(r.path("type").asString("")), Incident.Severity.valueOf(r.path("severity").asString("LOW")),
                    r.path("unit").asString(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static AirQualityWatch airQuality(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty()) {
            throw new IllegalArgumentException(where + "expected an 'id'");
        }
        try {
            return new AirQualityWatch(new AirQualityRule(id, AirQualityBand.valueOf(r.path("alarmAt").asString("POOR")),
                    r.path("clearAfterHours").asInt(1)), r.path("pm25").asString("pm2_5"), r.path("pm10").asString("pm10"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static FloodRule flood(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        for (String key : new String[] {"metric", "unit", "level1", "level2", "level3", "risePerHour"}) {
            if (!r.hasNonNull(key)) {
                throw new IllegalArgumentException(where + "expected 'metric', 'unit', the alarm levels 'level1', 'level2', 'level3' and"
                        + " 'risePerHour' but '" + key + "' is missing");
            }
        }
        try {
            return new FloodRule(id, r.path("metric").asString(), r.path("unit").asString(), r.path("level1").asDouble(),
                    r.path("level2").asDouble(), r.path("level3").asDouble(), r.path("clearMargin").asDouble(0),
                    r.path("risePerHour").asDouble(), r.has("riseWindow") ? duration(r, "riseWindow", where) : Duration.ofHours(1),
                    r.path("maxReadings").asInt(120), r.has("clearAfter") ? duration(r, "clearAfter", where) : Duration.ofHours(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static MissingDataWatch missingData(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric")) {
            throw new IllegalArgumentException(where + "expected an 'id' and a 'metric'");
        }
        try {
            return new MissingDataWatch(r.path("metric").asString(), new MissingDataRule(id, r.path("factor").asDouble(3),
                    r.has("minInterval") ? duration(r, "minInterval", where) : Duration.ofSeconds(10),
                    r.has("maxInterval") ? duration(r, "maxInterval", where) : Duration.ofHours(6),
                    r.path("learningRate").asDouble(0.05), r.path("minReadings").asInt(10),
                    Incident.Severity.valueOf(r.path("severity").asString("MEDIUM"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static FlatLineRule flatLineRule(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric") || !r.has("for")) {
            throw new IllegalArgumentException(where + "expected an 'id', a 'metric' and 'for' (how long unchanged is stuck)");
        }
        try {
            return new FlatLineRule(id, r.path("metric").asString(), r.path("tolerance").asDouble(0), duration(r, "for", where),
                    r.path("minVaryingShare").asDouble(0.5), r.path("minReadings").asInt(50), r.path("memory").asInt(500),
                    r.path("unit").asString(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static AnomalyRule anomalyRule(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric")) {
            throw new IllegalArgumentException(where + "expected an 'id' and a 'metric'");
        }
        try {
            return new AnomalyRule(id, r.path("metric").asString(), r.path("alarmLevel").asDouble(AnomalyDetector.ALARM),
                    Incident.Severity.valueOf(r.path("severity").asString("LOW")),
                    r.has("clearAfter") ? duration(r, "clearAfter", where) : Duration.ofMinutes(30), r.path("unit").asString(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static ThresholdRule rule(String type, JsonNode r) {
        String id = r.path("id").asString("");
        String where = "device type " + type + ", rule '" + id + "': ";
        if (id.isEmpty() || !r.hasNonNull("metric")) {
            throw new IllegalArgumentException(where + "expected an 'id' and a 'metric'");
        }
        boolean above = r.has("above");
        if (above == r.has("below")) {
            throw new IllegalArgumentException(where + "expected exactly one of 'above' or 'below'");
        }
        ThresholdRule.Direction d = above ? ThresholdRule.Direction.ABOVE : ThresholdRule.Direction.BELOW;
        double enter = r.path(above ? "above" : "below").asDouble();
        String clearKey = above ? "clearBelow" : "clearAbove";
        double exit = r.has(clearKey) ? r.path(clearKey).asDouble() : enter;
        String escalateKey = above ? "escalateAbove" : "escalateBelow";
        Duration min = duration(r, "for", where);
        Duration clear = r.has("clearAfter") ? duration(r, "clearAfter", where) : min;
        try {
            return new ThresholdRule(id, r.path("metric").asString(), d, enter, exit, min, clear,
                    Incident.Type.valueOf(r.path("type").asString("")), Incident.Severity.valueOf(r.path("severity").asString("MEDIUM")),
                    r.has(escalateKey) ? r.path(escalateKey).asDouble() : null, r.path("unit").asString(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static Duration duration(JsonNode r, String key, String where) {
        String s = r.path(key).asString("PT0S");
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "expected '" + key + "' as an ISO-8601 duration like PT10M but was '" + s + "'");
        }
    }

    public List<ThresholdRule> forType(String deviceType) {
        return of(deviceType).thresholds();
    }

    /** The road sensors of this device type judged against the usual traffic of the hour. */
    public List<CongestionWatch> congestionFor(String deviceType) {
        return of(deviceType).congestion();
    }

    /** The metrics of this device type watched for changing too fast. */
    public List<RateOfChangeRule> rateRulesFor(String deviceType) {
        return of(deviceType).rates();
    }

    /** The particle sensors of this device type judged by VN_AQI. */
    public List<AirQualityWatch> airQualityFor(String deviceType) {
        return of(deviceType).airQuality();
    }

    /** The water levels of this device type watched against flood alarm levels. */
    public List<FloodRule> floodRulesFor(String deviceType) {
        return of(deviceType).floods();
    }

    /** The metrics of this device type watched for readings that stop coming. */
    public List<MissingDataWatch> missingDataFor(String deviceType) {
        return of(deviceType).missingData();
    }

    /** The metrics of this device type watched for being stuck. */
    public List<FlatLineRule> flatLineRulesFor(String deviceType) {
        return of(deviceType).flatLines();
    }

    /** The metrics of this device type compared with the same metric of neighbouring devices, at most one rule each. */
    public List<DriftRule> driftFor(String deviceType) {
        return of(deviceType).drifts();
    }

    /** The metrics of this device type watched by the anomaly detector. */
    public List<AnomalyRule> anomalyRulesFor(String deviceType) {
        return of(deviceType).anomalies();
    }

    /** Every duration divided by {@code speedup}: for recorded data replayed faster than real time. */
    public DetectorRules compressed(double speedup) {
        if (speedup <= 0) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        Map<String, DeviceTypeRules> out = new LinkedHashMap<>();
        byType.forEach((type, rules) -> out.put(type, rules.compressed(speedup)));
        return new DetectorRules(out);
    }

    private DeviceTypeRules of(String deviceType) {
        return deviceType == null ? DeviceTypeRules.NONE : byType.getOrDefault(deviceType, DeviceTypeRules.NONE);
    }
}
