package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.ingest.contract.CameraStats;
import vn.ioc.ingest.contract.CameraStatsCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;

/** The camera site replays the street clip as retained JPEG frames with a timestamp. */
class CameraReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path state;

    private static Instant timestamp(Subscriber.Received r) {
        List<UserProperty> props = r.message().getProperties().getUserProperties();
        return Instant.parse(props.stream().filter(p -> p.getKey().equals("timestamp")).findFirst().orElseThrow().getValue());
    }

    @Test
    void cameraSiteAnalysesTheClipAndPublishesRetainedFilteredFramesWithATimestamp() throws Exception {
        Site site = SitesConfig.bundled().site("hue-duc").orElseThrow().withId(TestBroker.unique("hue-duc"));
        String frames = Topics.cameraFrame(site.id(), "cam-1");
        String stats = Topics.cameraStats(site.id(), "cam-1");
        String status = Topics.status(site.id());
        try (Subscriber sub = Subscriber.to(frames, status, stats)) {
            EdgeAgent agent = EdgeAgent.start(site, MqttSettings.of(TestBroker.url(), "ignored"),
                    SequenceNumbers.open(state, site.id()), state, 300, Clock.systemUTC());
            try {
                List<Subscriber.Received> got = sub.awaitCount(frames, 4, PATIENCE);

                for (Subscriber.Received r : got) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.payload()));
                    assertThat(image).as("a JPEG").isNotNull();
                    assertThat(image.getWidth()).isEqualTo(640);
                    assertThat(image.getHeight()).isEqualTo(352);
                    assertThat(r.message().getQos()).isZero();
                    assertThat(timestamp(r)).isCloseTo(r.at(), within(Duration.ofSeconds(5)));
                }
                assertThat(timestamp(got.get(3))).isAfter(timestamp(got.get(0)));
                assertThat(Duration.between(timestamp(got.get(0)), timestamp(got.get(3))))
                        .as("a frame every 2 s").isBetween(Duration.ofMillis(4500), Duration.ofMillis(10000));

                // the replayed camera is analysed as a real one: its first 10-second interval
                CameraStats first = new CameraStatsCodec().decode(Topics.parse(stats),
                        sub.awaitFirst(stats, x -> true, PATIENCE).payload(), Instant.now());
                assertThat(first.lines()).extracting(CameraStats.LineCount::line).contains("inbound");
                assertThat(first.health().fps()).as("frames analysed per second").isGreaterThan(10);

                SiteStatus birth = Subscriber.status(site.id(), sub.awaitFirst(status, x -> true, PATIENCE));
                assertThat(birth.devices()).contains(new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true));

                try (Subscriber late = Subscriber.to(frames)) {
                    Subscriber.Received latest = late.awaitFirst(frames, x -> true, PATIENCE);
                    assertThat(latest.message().isRetained()).as("a late subscriber gets the latest frame at once").isTrue();
                    assertThat(ImageIO.read(new ByteArrayInputStream(latest.payload())).getWidth()).isEqualTo(640);
                }
            } finally {
                agent.close();
                await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
                Subscriber.clearRetained(frames, status);
            }
        }
    }
}
