package vn.ioc.edge.metrics;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import vn.ioc.edge.forward.Priority;
import vn.ioc.edge.forward.StoreAndForward;

/**
 * A site's publisher as meters, read from its own counters when scraped: what was delivered
 * and dropped per priority, what waits in the disk buffer and for how long, and the broker
 * connection.
 */
public final class ForwardMeters implements MeterBinder {

    private final String site;
    private final StoreAndForward out;

    public ForwardMeters(String site, StoreAndForward out) {
        this.site = site;
        this.out = out;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("site", site);
        for (Priority p : Priority.values()) {
            Tags pt = tags.and("priority", p.name().toLowerCase(Locale.ROOT));
            FunctionCounter.builder("ioc.agent.messages.delivered", out, o -> o.counters().delivered(p))
                    .description("Messages the broker acknowledged").tags(pt).register(registry);
            FunctionCounter.builder("ioc.agent.messages.dropped", out, o -> o.counters().dropped(p))
                    .description("Messages dropped because the disk buffer was full").tags(pt).register(registry);
        }
        FunctionCounter.builder("ioc.agent.messages.rejected", out, o -> o.counters().rejected())
                .description("Messages the broker refused three times, given up").tags(tags).register(registry);
        FunctionCounter.builder("ioc.agent.broker.births", out, o -> o.counters().births())
                .description("Birth messages delivered: one per (re)connect").tags(tags).register(registry);
        Gauge.builder("ioc.agent.broker.connected", out, o -> o.isConnected() ? 1 : 0)
                .description("1 while connected to the broker").tags(tags).register(registry);
        Gauge.builder("ioc.agent.buffer.depth", out, o -> o.counters().buffered())
                .description("Messages in the disk buffer not yet acknowledged by the broker").tags(tags).register(registry);
        Gauge.builder("ioc.agent.buffer.size", out, o -> o.counters().bufferBytes())
                .description("Bytes the disk buffer's files take").baseUnit(BaseUnits.BYTES).tags(tags).register(registry);
        TimeGauge.builder("ioc.agent.buffer.oldest.age", out, TimeUnit.NANOSECONDS, o -> o.oldestBufferedAge().toNanos())
                .description("How long the oldest unacknowledged message has waited: the agent's lag").tags(tags).register(registry);
    }
}
