package vn.ioc.edge.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.SequenceNumbers;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.CameraConfigReader;
import vn.ioc.edge.forward.Priority;
import vn.ioc.edge.forward.StoreAndForward;
import vn.ioc.edge.metrics.AgentHealth;
import vn.ioc.edge.metrics.ForwardMeters;
import vn.ioc.edge.metrics.MetricsServer;
import vn.ioc.edge.sensors.SensorAdapter;
import vn.ioc.edge.sensors.SensorAdapters;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;

/**
 * The edge agent of one intersection, as {@code run --config agent.yaml} starts it: its cameras
 * analysed on the spot, its sensors read, everything numbered and sent through one
 * store-and-forward publisher (birth on every connect, will on death, disk buffer while the
 * broker is away).
 */
public final class SiteAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteAgent.class);
    private static final SenmlCodec SENML = new SenmlCodec();
    private static final SiteStatusCodec STATUS = new SiteStatusCodec();
    /** The agent's own health readings (buffer depth, drops) arrive as this sensor. */
    public static final SiteStatus.Device SELF = new SiteStatus.Device("agent", SiteStatus.Kind.SENSOR, "edge-agent", false);

    private final AgentConfig config;
    private final StoreAndForward out;
    private final List<CameraPipeline> cameras = new ArrayList<>();
    private final List<SensorAdapter> sensors = new ArrayList<>();

    private SiteAgent(AgentConfig config, StoreAndForward out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Checks every camera's and sensor's configuration, then connects in the background and
     * starts them; returns at once. A missing video file or a bad configuration fails here.
     */
    public static SiteAgent start(AgentConfig config, Clock clock) throws IOException, InvalidConfigException {
        return start(config, clock, new CompositeMeterRegistry()); // meters nobody reads cost nothing there
    }

    /** As {@link #start(AgentConfig, Clock)}, with the publisher's and the cameras' meters in {@code meters}. */
    public static SiteAgent start(AgentConfig config, Clock clock, MeterRegistry meters) throws IOException, InvalidConfigException {
        List<CameraConfig> analytics = new ArrayList<>();
        for (AgentConfig.CameraSettings c : config.cameras()) {
            analytics.add(CameraConfigReader.read(c.analytics()));
        }
        SensorAdapters factory = new SensorAdapters(SensorAdapters.filesIn(config.baseDir()), clock);
        List<SensorAdapter> adapters = new ArrayList<>();
        try {
            for (AgentConfig.SensorSettings s : config.sensors()) {
                adapters.add(factory.create(s.id(), s.adapter(), s.at()));
            }
        } catch (InvalidConfigException | RuntimeException e) {
            adapters.forEach(SensorAdapter::close);
            throw e;
        }

        String site = config.site();
        SequenceNumbers sequence = SequenceNumbers.open(config.stateDir(), site);
        SiteAgent agent;
        try {
            StoreAndForward out = StoreAndForward.builder(config.mqtt().withClientId(site), site,
                            config.stateDir().resolve("buffer"), sequence)
                    .birth(Topics.status(site), () -> STATUS.encode(SiteStatus.birth(site, site, clock.instant(),
                            config.name(), config.lat(), config.lon(), devices(config))))
                    .will(Topics.status(site), STATUS.encode(SiteStatus.will(site, site)))
                    .shutdown(Topics.status(site), () -> STATUS.encode(SiteStatus.shutdown(site, site, clock.instant())))
                    .maxBytes(config.bufferBytes())
                    .clock(clock)
                    .start();
            agent = new SiteAgent(config, out);
            new ForwardMeters(site, out).bindTo(meters);
        } catch (IOException | RuntimeException e) {
            adapters.forEach(SensorAdapter::close);
            sequence.close();
            throw e;
        }
        try {
            for (int i = 0; i < config.cameras().size(); i++) {
                CameraPipeline camera = CameraPipeline.start(site, config.cameras().get(i), analytics.get(i), agent.out);
                agent.cameras.add(camera);
                camera.bindTo(meters);
            }
        } catch (IOException | RuntimeException e) {
            adapters.forEach(SensorAdapter::close);
            agent.close();
            throw e;
        }
        for (SensorAdapter a : adapters) {
            agent.sensors.add(a);
            a.start(agent::reading);
        }
        log.info("{}: agent running with {} camera(s) and {} sensor(s), broker {}", site, agent.cameras.size(),
                agent.sensors.size(), config.mqtt().url());
        return agent;
    }

    static List<SiteStatus.Device> devices(AgentConfig config) {
        List<SiteStatus.Device> devices = new ArrayList<>();
        config.cameras().forEach(c -> devices.add(new SiteStatus.Device(c.id(), SiteStatus.Kind.CAMERA, c.type(), c.isPublic())));
        config.sensors().forEach(s -> devices.add(new SiteStatus.Device(s.id(), SiteStatus.Kind.SENSOR, s.type(), false)));
        devices.add(SELF);
        return devices;
    }

    private void reading(String sensor, List<Measurement> readings) {
        String site = config.site();
        out.send(Priority.READING, Topics.sensorObservations(site, sensor),
                seq -> SENML.encode(new SensorMessage(site, seq, site, sensor, readings)));
    }

    public String site() {
        return config.site();
    }

    /** What {@code /health} reports for this agent ({@link AgentHealth}). */
    public MetricsServer.Health health() {
        return AgentHealth.of(config.site(), out);
    }

    /** Stops reading and analysing, delivers what it can for a moment, says goodbye; the rest waits on disk. */
    @Override
    public void close() {
        sensors.forEach(SensorAdapter::close);
        cameras.forEach(CameraPipeline::close);
        out.close(); // gives the unused sequence numbers back too
    }
}
