package vn.ioc.edge.agent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.bytedeco.opencv.opencv_core.Mat;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.analytics.AnalyticsEvent;
import vn.ioc.edge.analytics.AnalyticsOutput;
import vn.ioc.edge.analytics.CameraAnalytics;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.IntervalStats;
import vn.ioc.edge.forward.Priority;
import vn.ioc.edge.forward.StoreAndForward;
import vn.ioc.edge.privacy.PrivacyFilter;
import vn.ioc.edge.video.VideoFrame;
import vn.ioc.edge.video.VideoSource;
import vn.ioc.edge.video.VideoStatusListener;
import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.CameraStatsCodec;
import vn.ioc.ingest.contract.Topics;

/**
 * One camera of a running agent: decodes its video, runs the analytics on every frame and
 * sends the statistics and events through the agent's store-and-forward publisher; publishes
 * privacy-filtered frames at the configured rate, to the public topic or, for a camera that
 * is not public, to the operators' topic; reports a dropped stream as {@code VIDEO_LOST}.
 *
 * <p>Two threads: the reader analyses every frame; the picture thread runs the privacy filter
 * (far slower than the analytics) for frames and event snapshots, so a face search never
 * makes the analysis skip frames. A frame is skipped when the picture thread is still busy
 * with the last one; an event's snapshot is never skipped.
 */
public final class CameraPipeline implements AutoCloseable, VideoStatusListener {

    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);
    private static final CameraStatsCodec STATS = new CameraStatsCodec();
    private static final CameraEventCodec EVENTS = new CameraEventCodec();

    private final String site;
    private final AgentConfig.CameraSettings settings;
    private final CameraConfig analyticsConfig;
    private final StoreAndForward out;
    private final String frameTopic;
    private final PrivacyFilter privacy;
    private final ExecutorService pictures;
    private final AtomicBoolean framePending = new AtomicBoolean();
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong framesPublished = new AtomicLong();
    private final AtomicLong videoLosses = new AtomicLong();
    private final Thread reader;
    private final VideoSource source;
    private volatile boolean closed;

    /** Video time 0 of the analytics: the first frame's time; later frames count from it, across reconnects. */
    private Instant origin;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private volatile boolean restartAnalytics;
    private int width;
    private int height;
    private long nextFrameNanos = System.nanoTime();

    private CameraPipeline(String site, AgentConfig.CameraSettings settings, CameraConfig analyticsConfig, StoreAndForward out)
            throws IOException {
        this.site = site;
        this.settings = settings;
        this.analyticsConfig = analyticsConfig;
        this.out = out;
        this.frameTopic = settings.isPublic() ? Topics.cameraFrame(site, settings.id()) : Topics.operatorFrame(site, settings.id());
        AgentConfig.Frames f = settings.frames();
        this.privacy = new PrivacyFilter(analyticsConfig.privacyMasks(), f.maxWidth(), f.maxHeight(), f.quality());
        this.pictures = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> daemon(r, "pictures"));
        this.source = VideoSource.open(settings.id(), settings.source(), this);
        this.reader = daemon(this::run, "analytics");
    }

    /** Opens the camera's video (a missing file fails here) and starts analysing it. */
    public static CameraPipeline start(String site, AgentConfig.CameraSettings settings, CameraConfig analyticsConfig, StoreAndForward out)
            throws IOException {
        CameraPipeline p = new CameraPipeline(site, settings, analyticsConfig, out);
        p.reader.start();
        return p;
    }

    private Thread daemon(Runnable r, String what) {
        Thread t = new Thread(r, "camera-" + site + "-" + settings.id() + "-" + what);
        t.setDaemon(true);
        return t;
    }

    private void run() {
        CameraAnalytics analytics = null;
        try {
            while (!closed) {
                VideoFrame frame = source.next();
                if (frame == null) {
                    break; // closed, or a file that does not loop has ended
                }
                Mat image = frame.image();
                if (analytics != null && (restartAnalytics || image.cols() != width || image.rows() != height)) {
                    // After an outage the scene's background must be learned again; a new size needs new geometry scaling.
                    sendAll(analytics.finish());
                    analytics.close();
                    analytics = null;
                }
                if (analytics == null) {
                    width = image.cols();
                    height = image.rows();
                    analytics = new CameraAnalytics(analyticsConfig, width, height);
                    restartAnalytics = false;
                }
                double seconds = secondsOf(frame);
                List<AnalyticsOutput> outputs = analytics.process(image, seconds);
                analysed.incrementAndGet();
                for (AnalyticsOutput o : outputs) {
                    send(o, image);
                }
                maybePublishFrame(image, frame.time());
            }
            if (analytics != null) {
                sendAll(analytics.finish());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("{}: camera {} stopped analysing: {}", site, settings.id(), e.toString(), e);
            }
        } finally {
            if (analytics != null) {
                analytics.close();
            }
        }
    }

    /** Seconds since the first frame, strictly increasing even if a reconnected stream's clock is not. */
    private double secondsOf(VideoFrame frame) {
        if (origin == null) {
            origin = frame.time();
        }
        double s = Duration.between(origin, frame.time()).toNanos() / 1e9;
        if (s <= lastSeconds) {
            s = lastSeconds + 1e-3;
        }
        lastSeconds = s;
        return s;
    }

    private void sendAll(List<AnalyticsOutput> outputs) {
        for (AnalyticsOutput o : outputs) {
            send(o, null);
        }
    }

    private void send(AnalyticsOutput output, Mat image) {
        String camera = settings.id();
        if (output instanceof IntervalStats stats) {
            out.send(Priority.STATISTICS, Topics.cameraStats(site, camera),
                    seq -> STATS.encode(stats.toCameraStats(site, seq, site, camera, origin)));
        } else if (output instanceof AnalyticsEvent event) {
            Mat picture = image == null ? null : image.clone();
            Instant videoStart = origin;
            onPictureThread(() -> {
                String snapshot = picture == null ? null : snapshot(picture);
                out.send(Priority.EVENT, Topics.cameraEvent(site, camera), seq -> {
                    CameraEvent e = event.toCameraEvent(site, seq, site, camera, videoStart);
                    return EVENTS.encode(withSnapshot(e, snapshot));
                });
            }, () -> {
                if (picture != null && !picture.isNull()) {
                    picture.close();
                }
            });
        }
    }

    /** The privacy-filtered picture as a data URI, or none if the filter fails (the event goes without). */
    private String snapshot(Mat picture) {
        try {
            String uri = CameraEventCodec.SNAPSHOT_PREFIX + Base64.getEncoder().encodeToString(privacy.jpeg(picture));
            return uri.length() <= CameraEventCodec.MAX_SNAPSHOT_CHARS ? uri : null;
        } catch (RuntimeException e) {
            log.warn("{}: camera {} snapshot failed, the event goes without: {}", site, settings.id(), e.toString());
            return null;
        } finally {
            picture.close();
        }
    }

    private static CameraEvent withSnapshot(CameraEvent e, String snapshot) {
        return new CameraEvent(e.agent(), e.seq(), e.site(), e.camera(), e.time(), e.type(), e.state(),
                e.objectId(), e.zone(), e.reason(), snapshot);
    }

    /** At the configured rate and only while connected: a frame nobody can receive is not worth filtering. */
    private void maybePublishFrame(Mat image, Instant time) {
        long now = System.nanoTime();
        if (now < nextFrameNanos || !out.isConnected() || !framePending.compareAndSet(false, true)) {
            return;
        }
        nextFrameNanos = now + settings.frames().every().toNanos();
        Mat copy = image.clone();
        List<UserProperty> properties = List.of(
                new UserProperty("timestamp", time.truncatedTo(ChronoUnit.MILLIS).toString()),
                new UserProperty("agent", site));
        onPictureThread(() -> {
            try {
                if (out.publishLatest(frameTopic, privacy.jpeg(copy), properties)) {
                    framesPublished.incrementAndGet();
                }
            } finally {
                framePending.set(false);
            }
        }, () -> {
            copy.close();
            framePending.set(false);
        });
    }

    /** Runs {@code task} then {@code cleanup} on the picture thread; only {@code cleanup} when closing. */
    private void onPictureThread(Runnable task, Runnable cleanup) {
        try {
            pictures.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    if (!closed) {
                        log.warn("{}: camera {} picture step failed: {}", site, settings.id(), e.toString());
                    }
                } finally {
                    cleanup.run();
                }
            });
        } catch (RejectedExecutionException e) {
            cleanup.run();
        }
    }

    /** Frames analysed (their rate is the camera's frames per second), frames published and video losses, per camera. */
    void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("site", site, "camera", settings.id());
        FunctionCounter.builder("ioc.agent.frames.analysed", analysed, AtomicLong::get)
                .description("Video frames the analytics processed").tags(tags).register(registry);
        FunctionCounter.builder("ioc.agent.frames.published", framesPublished, AtomicLong::get)
                .description("Privacy-filtered frames handed to the broker").tags(tags).register(registry);
        FunctionCounter.builder("ioc.agent.video.lost", videoLosses, AtomicLong::get)
                .description("Times the camera's video stream was lost").tags(tags).register(registry);
    }

    @Override
    public void videoLost(String camera, String reason, Instant since) {
        videoLosses.incrementAndGet();
        restartAnalytics = true;
        String why = reason == null || reason.isBlank() ? "stream lost" : reason.strip();
        String shortWhy = why.length() > CameraEventCodec.MAX_REASON_CHARS ? why.substring(0, CameraEventCodec.MAX_REASON_CHARS - 1) + "…" : why;
        sendVideoStatus(CameraEvent.State.START, since, shortWhy);
    }

    @Override
    public void videoBack(String camera, Duration gap) {
        log.info("{}: camera {} video back after {} s", site, camera, gap.toSeconds());
        sendVideoStatus(CameraEvent.State.END, Instant.now(), null);
    }

    private void sendVideoStatus(CameraEvent.State state, Instant at, String reason) {
        if (closed) {
            return;
        }
        out.send(Priority.EVENT, Topics.cameraEvent(site, settings.id()), seq -> EVENTS.encode(new CameraEvent(
                site, seq, site, settings.id(), at, CameraEvent.Type.VIDEO_LOST, state, null, null, reason, null)));
    }

    /** Stops reading, lets the picture thread finish its queue (events waiting for their snapshot), frees the filter. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.close();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pictures.shutdown();
        try {
            if (!pictures.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("{}: camera {} pictures still being filtered after 10 s; dropping them", site, settings.id());
                pictures.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        privacy.close();
        log.info("{}: camera {} stopped after {} frames analysed, {} published", site, settings.id(), analysed.get(),
                framesPublished.get());
    }
}
