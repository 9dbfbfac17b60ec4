package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/** The rules of one device type, by kind. */
record DeviceTypeRules(
        List<ThresholdRule> thresholds, List<AnomalyRule> anomalies, List<FlatLineRule> flatLines,
        List<MissingDataWatch> missingData, List<FloodRule> floods, List<AirQualityWatch> airQuality,
        List<RateOfChangeRule> rates, List<CongestionWatch> congestion, List<DriftRule> drifts) implements Serializable {

    static final DeviceTypeRules NONE = new DeviceTypeRules(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    DeviceTypeRules {
        thresholds = List.copyOf(thresholds);
        anomalies = List.copyOf(anomalies);
        flatLines = List.copyOf(flatLines);
        missingData = List.copyOf(missingData);
        floods = List.copyOf(floods);
        airQuality = List.copyOf(airQuality);
        rates = List.copyOf(rates);
        congestion = List.copyOf(congestion);
        drifts = List.copyOf(drifts);
        if (drifts.stream().map(DriftRule::metric).distinct().count() < drifts.size()) {
            throw new IllegalArgumentException("expected at most one drift rule per metric but there are two for one of "
                    + drifts.stream().map(DriftRule::metric).toList());
        }
    }

    /**
     * Every duration divided by {@code speedup}. VN_AQI is judged over clock hours of event time, which a
     * replay compresses with everything else; the congestion profile is left out: a replayed clock has no
     * time of day to learn traffic by.
     */
    DeviceTypeRules compressed(double speedup) {
        return new DeviceTypeRules(each(thresholds, r -> r.compressed(speedup)), each(anomalies, r -> r.compressed(speedup)),
                each(flatLines, r -> r.compressed(speedup)), each(missingData, r -> r.compressed(speedup)),
                each(floods, r -> r.compressed(speedup)), airQuality, each(rates, r -> r.compressed(speedup)), List.of(),
                each(drifts, r -> r.compressed(speedup)));
    }

    private static <T> List<T> each(List<T> rules, UnaryOperator<T> f) {
        return rules.stream().map(f).toList();
    }
}
