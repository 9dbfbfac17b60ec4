package vn.ioc.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;

import vn.ioc.edge.agent.AgentConfigReader;
import vn.ioc.edge.agent.SiteAgent;
import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.CameraStats;
import vn.ioc.ingest.contract.CameraStatsCodec;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

/**
 * The agent as {@code run --config agent.yaml} starts it, on the real clips and a real broker
 * (embedded HiveMQ CE, or the one {@code IOC_TEST_MQTT_URL} names): two analysed cameras, one
 * public and one for operators only, a camera whose stream is down, and a replayed sensor.
 */
class SiteAgentIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private SiteAgent agent;
    private final List<String> retained = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        Subscriber.clearRetained(retained.toArray(String[]::new));
    }

    private void copy(String resource, String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void camerasAndSensorsOfOneSiteReachTheBrokerAsTheContractSays() throws Exception {
        copy("/replay/video/street-2lane.mp4", "street.mp4");
        copy("/analytics/motorway-cctv.avi", "motorway.avi");
        copy("/replay/nab/realTraffic/speed_t4013.csv", "speed.csv");
        Files.copy(Path.of("examples/street-2lane.yaml"), dir.resolve("street-2lane.yaml"));
        Files.copy(Path.of("examples/motorway-cctv.yaml"), dir.resolve("motorway-cctv.yaml"));
        String site = TestBroker.unique("hue-agent");
        retained.add(Topics.status(site));
        retained.add(Topics.cameraFrame(site, "cam-motorway"));
        retained.add(Topics.operatorFrame(site, "cam-street"));
        Files.writeString(dir.resolve("agent.yaml"), """
                site: {id: %s, name: "Nút giao thử nghiệm", lat: 16.469, lon: 107.597}
                mqtt: {url: "%s"}
                stateDir: state
                cameras:
                  - id: cam-motorway
                    source: {uri: motorway.avi, pacing: fast}
                    analytics: motorway-cctv.yaml
                    public: true
                    frames: {every: 200ms}
                  - id: cam-street
                    source: {uri: street.mp4, pacing: fast}
                    analytics: street-2lane.yaml
                    frames: {every: 200ms}
                  - id: cam-dead
                    source: {uri: "http://127.0.0.1:%d/video.mjpg", timeoutSeconds: 2}
                    analytics: street-2lane.yaml
                sensors:
                  - id: loop-1
                    type: traffic-loop
                    source:
                      type: csv
                      speedup: 3000
                      series: [{metric: speed, unit: km/h, recordedUnit: mph, file: speed.csv}]
                """.formatted(site, TestBroker.url(), closedPort()), UTF_8);

        try (Subscriber sub = Subscriber.to(Topics.sitePrefix(site) + "#")) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            agent = SiteAgent.start(AgentConfigReader.load(dir.resolve("agent.yaml"), Map.of()), Clock.systemUTC(), meters);

            SiteStatus birth = Subscriber.status(site, sub.awaitFirst(Topics.status(site), r -> true, PATIENCE));
            assertThat(birth.online()).isTrue();
            assertThat(birth.devices()).extracting(SiteStatus.Device::id, SiteStatus.Device::kind, SiteStatus.Device::isPublic)
                    .contains(
                            org.assertj.core.api.Assertions.tuple("cam-motorway", SiteStatus.Kind.CAMERA, true),
                            org.assertj.core.api.Assertions.tuple("cam-street", SiteStatus.Kind.CAMERA, false),
                            org.assertj.core.api.Assertions.tuple("loop-1", SiteStatus.Kind.SENSOR, false),
                            org.assertj.core.api.Assertions.tuple("agent", SiteStatus.Kind.SENSOR, false));

            // the cyclist on the hard shoulder, with a privacy-filtered picture of the moment
            String events = Topics.cameraEvent(site, "cam-motorway");
            CameraEvent intrusion = event(sub.awaitFirst(events, r -> event(r).type() == CameraEvent.Type.ZONE_INTRUSION, PATIENCE));
            assertThat(intrusion.state()).isEqualTo(CameraEvent.State.START);
            assertThat(intrusion.zone()).isEqualTo("hard-shoulder");
            assertThat(intrusion.snapshot()).startsWith(CameraEventCodec.SNAPSHOT_PREFIX);
            BufferedImage snapshot = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(intrusion.snapshot().substring(CameraEventCodec.SNAPSHOT_PREFIX.length()))));
            assertThat(snapshot.getWidth()).isEqualTo(320);

            // the whole street clip analysed: its last statistics are the partial interval at the end
            String streetStats = Topics.cameraStats(site, "cam-street");
            await().atMost(PATIENCE).until(() -> sub.on(streetStats).size() >= 4);
            int towards = sub.on(streetStats).stream().map(SiteAgentIT::stats)
                    .flatMap(s -> s.lines().stream())
                    .filter(l -> l.line().equals("inbound") && l.direction().equals("towards-camera"))
                    .mapToInt(l -> l.counts().getOrDefault("vehicle", 0)).sum();
            assertThat(towards).as("vehicles driving towards the camera (8 by hand)").isBetween(6, 10);
            assertThat(sub.on(Topics.cameraStats(site, "cam-motorway"))).isNotEmpty();

            // public frames on the public topic; the other camera's only for operators
            assertThat(jpeg(sub.awaitFirst(Topics.cameraFrame(site, "cam-motorway"), r -> true, PATIENCE).payload()).getWidth())
                    .isEqualTo(320);
            assertThat(jpeg(sub.awaitFirst(Topics.operatorFrame(site, "cam-street"), r -> true, PATIENCE).payload()).getWidth())
                    .isEqualTo(640);
            assertThat(sub.on(Topics.cameraFrame(site, "cam-street"))).isEmpty();

            // a camera whose stream is down is reported, with why
            CameraEvent lost = event(sub.awaitFirst(Topics.cameraEvent(site, "cam-dead"), r -> true, PATIENCE));
            assertThat(lost.type()).isEqualTo(CameraEvent.Type.VIDEO_LOST);
            assertThat(lost.state()).isEqualTo(CameraEvent.State.START);
            assertThat(lost.reason()).isNotBlank();

            // the cameras' meters follow what was seen on the broker
            assertThat(meters.get("ioc.agent.frames.analysed").tag("camera", "cam-street").functionCounter().count()).isPositive();
            assertThat(meters.get("ioc.agent.frames.published").tag("camera", "cam-motorway").functionCounter().count()).isPositive();
            assertThat(meters.get("ioc.agent.video.lost").tag("camera", "cam-dead").functionCounter().count()).isPositive();
            assertThat(meters.get("ioc.agent.frames.analysed").tag("camera", "cam-dead").functionCounter().count()).isZero();
            assertThat(meters.get("ioc.agent.broker.connected").tag("site", site).gauge().value()).isEqualTo(1);
            assertThat(agent.health().up()).isTrue();

            SensorMessage reading = new SenmlCodec().decode(Topics.parse(Topics.sensorObservations(site, "loop-1")),
                    sub.awaitFirst(Topics.sensorObservations(site, "loop-1"), r -> true, PATIENCE).payload(), Instant.now());
            assertThat(reading.measurements()).allSatisfy(m -> assertThat(m.metric()).isEqualTo("speed"));

            // one numbering for everything the agent buffers, in the order it arrives
            List<Long> seqs = new ArrayList<>();
            for (Subscriber.Received r : sub.all()) {
                if (r.topic().endsWith("/stats") || r.topic().endsWith("/event") || r.topic().endsWith("/obs")) {
                    seqs.add(seqOf(r));
                }
            }
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    private static long seqOf(Subscriber.Received r) {
        String json = new String(r.payload(), UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seq\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as("a seq in " + r.topic()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static BufferedImage jpeg(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a JPEG").isNotNull();
        return image;
    }

    /** Read as the stream job would; fast pacing puts video time ahead of the clock, so arrival is taken as later. */
    private static CameraEvent event(Subscriber.Received r) {
        try {
            return new CameraEventCodec().decode(Topics.parse(r.topic()), r.payload(), Instant.now().plus(Duration.ofMinutes(5)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CameraStats stats(Subscriber.Received r) {
        try {
            return new CameraStatsCodec().decode(Topics.parse(r.topic()), r.payload(), Instant.now().plus(Duration.ofMinutes(5)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
