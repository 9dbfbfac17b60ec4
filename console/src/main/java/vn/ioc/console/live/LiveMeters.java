package vn.ioc.console.live;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import vn.ioc.ingest.contract.MessageKind;

/**
 * The live path's meters, in one place so the code they count stays plain: MQTT messages in
 * per kind, invalid ones, how late incidents and site statuses arrive (now minus their event
 * time), updates queued for and written to browsers, the browsers connected and those dropped.
 */
@Component
class LiveMeters {

    /** Lags above this are a clock or a replay, not a slow pipeline; the histogram stops here. */
    private static final Duration MAX_LAG = Duration.ofMinutes(10);

    private final MeterRegistry registry;
    private final Map<MessageKind, Counter> received = new EnumMap<>(MessageKind.class);
    private final Counter invalid;
    private final Map<MessageKind, Timer> lag = new EnumMap<>(MessageKind.class);
    private final Map<String, Counter> updates = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter droppedSlow;
    private final Counter droppedFailed;

    LiveMeters(MeterRegistry registry) {
        this.registry = registry;
        for (MessageKind k : MessageKind.values()) {
            received.put(k, Counter.builder("ioc.console.mqtt.messages").description("MQTT messages received, per kind")
                    .tag("kind", kindTag(k)).register(registry));
        }
        invalid = Counter.builder("ioc.console.mqtt.invalid").description("MQTT messages that broke the contract, logged and ignored")
                .register(registry);
        for (MessageKind k : new MessageKind[] {MessageKind.INCIDENT, MessageKind.SITE_STATUS}) {
            lag.put(k, Timer.builder("ioc.console.mqtt.lag").description("Arrival time minus the message's own event time")
                    .tag("kind", kindTag(k)).publishPercentileHistogram().maximumExpectedValue(MAX_LAG).register(registry));
        }
        sent = Counter.builder("ioc.console.live.sent").description("Updates written to browsers' WebSockets").register(registry);
        droppedSlow = Counter.builder("ioc.console.live.dropped").description("Browsers disconnected, by why")
                .tag("reason", "slow").register(registry);
        droppedFailed = Counter.builder("ioc.console.live.dropped").description("Browsers disconnected, by why")
                .tag("reason", "failed").register(registry);
    }

    /** incident, status, report, frame (public and operators' alike), event, stats, observations. */
    static String kindTag(MessageKind k) {
        return switch (k) {
            case INCIDENT -> "incident";
            case SITE_STATUS -> "status";
            case REPORT -> "report";
            case CAMERA_FRAME, OPERATOR_FRAME -> "frame";
            case CAMERA_EVENT -> "event";
            case CAMERA_STATS -> "stats";
            case SENSOR_OBSERVATIONS -> "observations";
        };
    }

    void received(MessageKind kind) {
        received.get(kind).increment();
    }

    void invalid() {
        invalid.increment();
    }

    /** How late a message of {@code kind} made at {@code eventTime} arrived; ignored when the time is unknown. */
    void lag(MessageKind kind, Instant eventTime, Instant now) {
        Timer t = lag.get(kind);
        if (t != null && eventTime != null) {
            t.record(Duration.between(eventTime, now).isNegative() ? Duration.ZERO : Duration.between(eventTime, now));
        }
    }

    /** An update queued once for every connected browser. */
    void broadcast(String kind) {
        updates.computeIfAbsent(kind, k -> Counter.builder("ioc.console.live.updates")
                .description("Updates queued for every connected browser, per kind").tag("kind", k).register(registry)).increment();
    }

    void sent() {
        sent.increment();
    }

    void dropped(boolean slow) {
        (slow ? droppedSlow : droppedFailed).increment();
    }

    void clients(Supplier<Number> connected) {
        Gauge.builder("ioc.console.live.clients", connected).description("Browsers connected to /ws/live").register(registry);
    }
}
