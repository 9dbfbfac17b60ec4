package vn.ioc.edge.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.ioc.edge.forward.StoreAndForward;

/**
 * What an agent's {@code /health} says. Up while the agent takes messages: its disk buffer is
 * writable. A lost broker alone is not a failure, since the buffer keeps everything until it is
 * back and restarting the agent would not bring it back; a buffer that cannot be written loses
 * data, and a closed publisher takes nothing, so those are.
 */
public final class AgentHealth {

    private AgentHealth() {
    }

    public static MetricsServer.Health of(String site, StoreAndForward out) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("site", site);
        details.put("brokerConnected", out.isConnected());
        details.put("bufferWritable", out.isAccepting());
        details.put("buffered", out.counters().buffered());
        details.put("oldestBufferedSeconds", out.oldestBufferedAge().toMillis() / 1000.0);
        return new MetricsServer.Health(out.isAccepting(), details);
    }
}
