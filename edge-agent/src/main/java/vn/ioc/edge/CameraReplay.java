package vn.ioc.edge;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera that plays a video file in a loop at its own speed and hands a JPEG snapshot of
 * the current frame to the agent a few times a second. Frames between snapshots are decoded
 * and skipped, so the footage moves in real time.
 */
final class CameraReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraReplay.class);

    /** Where snapshots go: the agent's MQTT connection. */
    @FunctionalInterface
    interface FrameSink {
        void publish(Camera camera, byte[] jpeg, Instant time);
    }

    private final String site;
    private final Camera camera;
    private final Path videoFile;
    private final FrameSink sink;
    private final Clock clock;
    private VideoLoop video;
    private int framesPerSnapshot;
    private boolean failing;
    private ScheduledExecutorService executor;
    private long periodNanos;
    private long nextDue;
    private volatile boolean closed;

    CameraReplay(String site, Camera camera, Path videoFile, FrameSink sink, Clock clock) {
        this.site = site;
        this.camera = camera;
        this.videoFile = videoFile;
        this.sink = sink;
        this.clock = clock;
    }

    /** Runs on {@code executor} until {@link #close()}; snapshots never overlap. */
    void start(ScheduledExecutorService on) {
        this.executor = on;
        this.periodNanos = Math.round(1e9 / camera.framesPerSecond());
        this.nextDue = System.nanoTime();
        on.execute(this::tick);
    }

    /**
     * Keeps a steady rate, but a late snapshot (the first, which loads FFmpeg, or after a
     * stall) is not followed by a burst to catch up: the missed ones are skipped.
     */
    private void tick() {
        if (closed) {
            return;
        }
        snapshot();
        long now = System.nanoTime();
        nextDue = Math.max(nextDue + periodNanos, now);
        try {
            executor.schedule(this::tick, nextDue - now, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the agent is stopping
        }
    }

    /** One snapshot; failures are logged once and retried on the next tick with the video reopened. */
    void snapshot() {
        try {
            if (video == null) {
                video = new VideoLoop(videoFile);
                framesPerSnapshot = (int) Math.max(1, Math.round(video.frameRate() / camera.framesPerSecond()));
                log.info("{}: camera {} replays {} ({}x{}, {} fps) in a loop, {} snapshots a second", site, camera.id(),
                        camera.video().name(), video.width(), video.height(), String.format("%.1f", video.frameRate()),
                        camera.framesPerSecond());
            }
            BufferedImage frame = video.advance(framesPerSnapshot);
            // Privacy filter: not implemented yet. Faces and licence plates must be blurred here,
            // before the frame is encoded, because snapshots leave the edge (and a public camera's
            // reach citizens). Until then only footage that is already public may be replayed.
            byte[] jpeg = JpegSnapshots.encode(JpegSnapshots.fit(frame, JpegSnapshots.MAX_SIDE), JpegSnapshots.QUALITY);
            sink.publish(camera, jpeg, clock.instant());
            if (failing) {
                failing = false;
                log.info("{}: camera {} works again", site, camera.id());
            }
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                log.warn("{}: camera {} cannot replay {}: {}", site, camera.id(), camera.video().name(), e.toString());
            }
            closeVideo();
        }
    }

    /** Call once the executor has stopped: a snapshot in progress would use the video. */
    @Override
    public void close() {
        closed = true;
        closeVideo();
    }

    private void closeVideo() {
        if (video != null) {
            try {
                video.close();
            } catch (Exception e) {
                log.debug("{}: camera {} video close: {}", site, camera.id(), e.toString());
            }
            video = null;
        }
    }
}
