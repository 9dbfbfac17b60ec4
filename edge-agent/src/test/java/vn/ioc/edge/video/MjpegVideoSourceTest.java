package vn.ioc.edge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP MJPEG camera served by the test: frames decode, the camera goes away, the source
 * reports the video lost once, backs off between reconnects, and reports it back with the gap
 * when the camera returns.
 */
class MjpegVideoSourceTest {

    private final MjpegServer camera = newServer();
    private final Recorder status = new Recorder();
    private VideoSource source;
    private Thread reader;

    private static MjpegServer newServer() {
        try {
            return new MjpegServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the listener heard, in order. */
    static final class Recorder implements VideoStatusListener {
        final List<String> lost = new CopyOnWriteArrayList<>();
        final List<Duration> back = new CopyOnWriteArrayList<>();
        final List<Duration> retryDelays = new CopyOnWriteArrayList<>();

        @Override
        public void videoLost(String camera, String reason, Instant since) {
            lost.add(camera + ": " + reason);
        }

        @Override
        public void videoBack(String camera, Duration gap) {
            back.add(gap);
        }

        @Override
        public void reconnectFailed(String camera, int attempt, String reason, Duration nextDelay) {
            retryDelays.add(nextDelay);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.close();
        }
        if (reader != null) {
            reader.join(10_000);
        }
        camera.close();
    }

    @Test
    void mjpegFramesDecodeAsTheServedPicture() throws Exception {
        camera.start();
        source = VideoSource.open("gate", VideoSourceConfig.parse(camera.url()), status);
        VideoFrame frame = source.next();

        assertThat(frame.width()).isEqualTo(TestClips.WIDTH);
        assertThat(frame.height()).isEqualTo(TestClips.HEIGHT);
        int[] bgr = TestClips.centreBgr(frame.image());
        for (int channel : bgr) {
            assertThat(channel).as("a JPEG of grey " + MjpegServer.GREY).isBetween(MjpegServer.GREY - 4, MjpegServer.GREY + 4);
        }
        assertThat(frame.time()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        assertThat(source.next().number()).isEqualTo(1);
        assertThat(status.lost).isEmpty();
    }

    @Test
    void droppedStreamIsReportedLostOnceThenBackWithTheGap() throws Exception {
        camera.start();
        VideoSourceConfig config = VideoSourceConfig.parse(camera.url())
                .withTimeout(Duration.ofSeconds(3))
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
        source = VideoSource.open("gate", config, status);
        AtomicReference<VideoFrame> latest = new AtomicReference<>();
        List<Long> numbers = new CopyOnWriteArrayList<>();
        reader = new Thread(() -> {
            try {
                for (VideoFrame f = source.next(); f != null; f = source.next()) {
                    latest.set(f);
                    numbers.add(f.number());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.size() >= 5);

        camera.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> status.retryDelays.size() >= 4);

        assertThat(status.lost).hasSize(1);
        assertThat(status.lost.get(0)).startsWith("gate: ").hasSizeGreaterThan("gate: ".length());
        assertThat(source.isLost()).isTrue();
        assertThat(status.retryDelays.subList(0, 3)).as("waits double up to the maximum")
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(400));
        assertThat(status.back).isEmpty();

        int before = numbers.size();
        camera.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.size() >= before + 5);

        assertThat(status.lost).as("one outage, one report").hasSize(1);
        assertThat(status.back).hasSize(1);
        assertThat(status.back.get(0)).as("the gap covers the reconnect attempts")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100 + 200 + 400 + 400));
        assertThat(source.isLost()).isFalse();
        assertThat(TestClips.centreBgr(latest.get().image())[1]).isBetween(MjpegServer.GREY - 4, MjpegServer.GREY + 4);
    }

    @Test
    void streamEndedByTheServerIsReportedLostAndReconnected() throws Exception {
        camera.start();
        VideoSourceConfig config = VideoSourceConfig.parse(camera.url()).withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
        source = VideoSource.open("gate", config, status);
        for (int i = 0; i < 3; i++) {
            source.next();
        }

        camera.dropClients();
        // Frames FFmpeg had buffered come first; then the end of the stream, a reconnect, and new frames.
        for (int i = 0; i < 200 && status.back.isEmpty(); i++) {
            assertThat(source.next()).isNotNull();
        }

        assertThat(status.lost).hasSize(1);
        assertThat(status.back).hasSize(1);
        assertThat(camera.connections()).isEqualTo(2);
    }

    @Test
    void stalledStreamTimesOutAndIsReportedLost() throws Exception {
        camera.start();
        VideoSourceConfig config = VideoSourceConfig.parse(camera.url())
                .withTimeout(Duration.ofSeconds(1))
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
        source = VideoSource.open("gate", config, status);
        source.next();
        reader = new Thread(() -> {
            try {
                while (source.next() != null) {
                    // keep reading until the stream stalls and reconnects are tried
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        camera.stall();
        reader.start();

        // Without the read timeout the reader would wait on the silent connection for ever.
        await().atMost(Duration.ofSeconds(30)).until(() -> !status.lost.isEmpty());
        assertThat(status.lost).hasSize(1);
        assertThat(status.lost.get(0)).contains("no data for").contains("timeout 1.0 s");
        assertThat(status.back).isEmpty();
    }

    @Test
    void cameraDownAtStartIsReportedLostNotRefused() throws Exception {
        camera.start();
        String url = camera.url();
        camera.stop();
        VideoSourceConfig config = VideoSourceConfig.parse(url).withReconnect(Duration.ofMillis(100), Duration.ofMillis(200));
        source = VideoSource.open("gate", config, status);
        reader = new Thread(() -> {
            try {
                source.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !status.retryDelays.isEmpty());
        assertThat(status.lost).hasSize(1);
        assertThat(status.lost.get(0)).contains("cannot open").contains(url);
    }
}
