package vn.ioc.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replaying edge agents of a local run: one {@link EdgeAgent} per configured site, each
 * its own MQTT client, publishing recorded sensor series and video as if live. Starting
 * returns at once, broker or not: readings wait in each site's disk buffer under the state
 * directory until the broker takes them. Closing publishes each site's shutdown status.
 */
public final class ReplayAgents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayAgents.class);

    private final List<EdgeAgent> agents;

    private ReplayAgents(List<EdgeAgent> agents) {
        this.agents = List.copyOf(agents);
    }

    public static ReplayAgents start(ReplayOptions options) throws IOException {
        Files.createDirectories(options.stateDir());
        List<EdgeAgent> started = new ArrayList<>();
        int sensors = 0;
        int cameras = 0;
        try {
            for (Site configured : options.config().sites()) {
                Site site = options.cameras() ? configured : configured.withoutCameras();
                SequenceNumbers sequence = SequenceNumbers.open(options.stateDir().resolve("sequence"), site.id());
                started.add(EdgeAgent.start(site, options.mqtt(site.id()), sequence, options.stateDir(), options.speedup(),
                        Clock.systemUTC()));
                sensors += site.sensors().size();
                cameras += site.cameras().size();
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(EdgeAgent::close);
            throw e;
        }
        log.info("Replaying {} edge sites ({} sensors, {} cameras) to {} at x{}; state in {}", started.size(), sensors, cameras,
                options.mqttUrl(), options.speedup(), options.stateDir().toAbsolutePath());
        return new ReplayAgents(started);
    }

    public List<EdgeAgent> agents() {
        return agents;
    }

    /** Stops every agent; each publishes its shutdown status and disconnects cleanly. */
    @Override
    public void close() {
        agents.parallelStream().forEach(EdgeAgent::close);
    }
}
