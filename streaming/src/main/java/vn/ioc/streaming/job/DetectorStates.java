package vn.ioc.streaming.job;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.anomaly.AnomalyDetector;
import vn.ioc.streaming.detect.AirQualityBand;
import vn.ioc.streaming.detect.AirQualityState;
import vn.ioc.streaming.detect.CongestionState;
import vn.ioc.streaming.detect.FlatLineState;
import vn.ioc.streaming.detect.FloodState;
import vn.ioc.streaming.detect.HourlyMeans;
import vn.ioc.streaming.detect.MissingDataState;
import vn.ioc.streaming.detect.RateOfChangeState;
import vn.ioc.streaming.detect.ThresholdState;

/**
 * The per-device state of {@link MonitorSite}: one map per kind of detector, keyed by
 * device/metric/rule within the site, each dropped once unused for the time-to-live (a device taken
 * away frees its state). The job allows no generic types, so states holding lists have their Flink
 * types spelled out, and the two large ones have serializers of their own.
 */
final class DetectorStates {

    private DetectorStates() {
    }

    /** @param onRead whether reading the state keeps it too (for what a reporting device only reads) */
    static <V> MapStateDescriptor<String, V> dropUnused(MapStateDescriptor<String, V> d, Duration ttl, boolean onRead) {
        StateTtlConfig.Builder b = StateTtlConfig.newBuilder(ttl).neverReturnExpired();
        d.enableTimeToLive((onRead ? b.updateTtlOnReadAndWrite() : b.updateTtlOnCreateAndWrite()).build());
        return d;
    }

    /**
     * A device's type, kept while its readings look it up: a device that stops reporting is forgotten
     * after the time-to-live, one that reports is not, even if its site's birth is months old.
     */
    static MapStateDescriptor<String, String> deviceTypesState(Duration ttl) {
        MapStateDescriptor<String, String> d = new MapStateDescriptor<>("device-types", Types.STRING, Types.STRING);
        return dropUnused(d, ttl, true);
    }

    /** Each device's detector states, per metric and rule: rewritten by every reading, dropped once unused. */
    static MapStateDescriptor<String, ThresholdState> detectorsState(Duration ttl) {
        MapStateDescriptor<String, ThresholdState> d = new MapStateDescriptor<>("detectors", Types.STRING,
                TypeInformation.of(ThresholdState.class));
        return dropUnused(d, ttl, false);
    }

    /** Each watched series' anomaly detector (about 96 KB in a checkpoint), dropped once unused. */
    static MapStateDescriptor<String, AnomalyDetector> anomaliesState(Duration ttl) {
        MapStateDescriptor<String, AnomalyDetector> d = new MapStateDescriptor<>("anomaly-detectors",
                StringSerializer.INSTANCE, AnomalyDetectorSerializer.INSTANCE);
        return dropUnused(d, ttl, false);
    }

    static MapStateDescriptor<String, FlatLineState> flatLinesState(Duration ttl) {
        MapStateDescriptor<String, FlatLineState> d = new MapStateDescriptor<>("flat-lines", Types.STRING,
                TypeInformation.of(FlatLineState.class));
        return dropUnused(d, ttl, false);
    }

    static MapStateDescriptor<String, MissingDataState> silencesState(Duration ttl) {
        MapStateDescriptor<String, MissingDataState> d = new MapStateDescriptor<>("missing-data", Types.STRING,
                TypeInformation.of(MissingDataState.class));
        return dropUnused(d, ttl, false);
    }

    /** A gauge's flood state; its recent readings are a list, so its Flink type is spelled out (no generic types). */
    static MapStateDescriptor<String, FloodState> floodsState(Duration ttl) {
        TypeInformation<FloodState> type = Types.POJO(FloodState.class, Map.of(
                "phase", Types.ENUM(FloodState.Phase.class), "severity", Types.ENUM(Incident.Severity.class),
                "since", Types.LONG, "lastAt", Types.LONG, "readings", Types.LIST(Types.POJO(FloodState.Reading.class))));
        MapStateDescriptor<String, FloodState> d = new MapStateDescriptor<>("floods", Types.STRING, type);
        return dropUnused(d, ttl, false);
    }

    /** A particle sensor's hourly means and VN_AQI condition; spelled out for the same reason as the floods'. */
    static MapStateDescriptor<String, AirQualityState> airState(Duration ttl) {
        TypeInformation<HourlyMeans> means = Types.POJO(HourlyMeans.class, Map.of(
                "sum", Types.DOUBLE, "count", Types.INT, "hours", Types.LIST(Types.DOUBLE)));
        TypeInformation<AirQualityState> type = Types.POJO(AirQualityState.class, Map.of(
                "hour", Types.LONG, "open", Types.BOOLEAN, "pm25", means, "pm10", means,
                "phase", Types.ENUM(AirQualityState.Phase.class), "band", Types.ENUM(AirQualityBand.class), "clearingSince", Types.LONG));
        MapStateDescriptor<String, AirQualityState> d = new MapStateDescriptor<>("air-quality", Types.STRING, type);
        return dropUnused(d, ttl, false);
    }

    static MapStateDescriptor<String, RateOfChangeState> ratesState(Duration ttl) {
        TypeInformation<RateOfChangeState> type = Types.POJO(RateOfChangeState.class, Map.of(
                "phase", Types.ENUM(ThresholdState.Phase.class), "since", Types.LONG, "lastAt", Types.LONG,
                "points", Types.LIST(Types.POJO(RateOfChangeState.Point.class))));
        MapStateDescriptor<String, RateOfChangeState> d = new MapStateDescriptor<>("rates-of-change", Types.STRING, type);
        return dropUnused(d, ttl, false);
    }

    /** A road sensor's usual traffic per time of day (two profiles of 192 slots) and its congestion phase. */
    static MapStateDescriptor<String, CongestionState> congestionsState(Duration ttl) {
        MapStateDescriptor<String, CongestionState> d = new MapStateDescriptor<>("congestion-profiles",
                StringSerializer.INSTANCE, CongestionStateSerializer.INSTANCE);
        return dropUnused(d, ttl, false);
    }

    static MapStateDescriptor<String, String> holdingState(Duration ttl) {
        MapStateDescriptor<String, String> d = new MapStateDescriptor<>("holding-rules", Types.STRING, Types.STRING);
        return dropUnused(d, ttl, false);
    }

    static MapStateDescriptor<String, Boolean> camerasState(Duration ttl) {
        MapStateDescriptor<String, Boolean> d = new MapStateDescriptor<>("cameras", Types.STRING, Types.BOOLEAN);
        return dropUnused(d, ttl, true);
    }

    /** A sensor's last sign of traffic going wrong: kept only as long as it can confirm a camera event. */
    static MapStateDescriptor<String, Evidence> trafficSignsState(Duration ttl) {
        MapStateDescriptor<String, Evidence> d = new MapStateDescriptor<>("traffic-signs", Types.STRING,
                TypeInformation.of(Evidence.class));
        return dropUnused(d, ttl, false);
    }
}
