package vn.ioc.edge.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's decoded video, read with FFmpeg, that survives its stream dropping. When a read
 * fails, times out, or a live stream ends, the source reports the camera's video lost, and
 * reopens the stream with exponential back-off until frames come again, which it reports
 * with the length of the gap; the caller just keeps calling {@link #next()}.
 *
 * <p>One thread reads ({@link #next()}); {@link #close()} may come from any thread and
 * waits for a read in progress, which the configured timeout bounds.
 */
public final class VideoSource implements AutoCloseable {

    static {
        // FFmpeg writes stream details to stderr at INFO; only its errors matter here.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private static final Logger LOG = LoggerFactory.getLogger(VideoSource.class);
    /** A real-time reader further behind than this skips ahead instead of rushing to catch up. */
    private static final double MAX_LAG_SECONDS = 1;

    private final String camera;
    private final VideoSourceConfig config;
    private final VideoStatusListener listener;
    private final Clock clock;
    private final Backoff backoff;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ReentrantLock reading = new ReentrantLock();
    private final Instant openedAt;
    private volatile boolean closed;

    private FFmpegFrameGrabber grabber;
    private OpenCVFrameConverter.ToMat converter;
    private Instant connectedAt;
    private long framesThisConnection;
    private long lastFrameNanos;
    private long frames;
    private long loops;
    private Instant lostSince;

    // Stream time across the loops of a file, and the real-time pacing's anchor.
    private double firstRawSeconds = Double.NaN;
    private double lastRawSeconds;
    private double loopOffsetSeconds;
    private long paceAnchorNanos;
    private double paceAnchorSeconds = Double.NaN;

    private VideoSource(String camera, VideoSourceConfig config, VideoStatusListener listener, Clock clock) {
        this.camera = camera;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax());
        this.openedAt = clock.instant();
    }

    /**
     * Opens a camera's video. A file is opened at once, so a missing or undecodable file is an
     * error here; a live stream connects on the first {@link #next()}, and a camera that is down
     * when the agent starts is reported lost there, not refused.
     *
     * @param camera names the camera in logs and status reports
     * @throws IOException when a file does not exist or cannot be decoded
     */
    public static VideoSource open(String camera, VideoSourceConfig config, VideoStatusListener listener) throws IOException {
        return open(camera, config, listener, Clock.systemUTC());
    }

    static VideoSource open(String camera, VideoSourceConfig config, VideoStatusListener listener, Clock clock) throws IOException {
        VideoSource source = new VideoSource(camera, config, listener, clock);
        if (!config.kind().isLive()) {
            Path file = Path.of(config.location());
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(config.location(), null, "camera '" + camera + "': no such video file");
            }
            try {
                source.connect();
            } catch (FrameGrabber.Exception e) {
                throw new IOException("camera '" + camera + "': cannot decode the video file " + file + ": " + describe(e), e);
            }
        }
        return source;
    }

    public String camera() {
        return camera;
    }

    public VideoSourceConfig config() {
        return config;
    }

    /** Whether the stream is down now (between a lost and a back report). */
    public boolean isLost() {
        return lostSince != null;
    }

    /** How many times a file has started over. */
    public long loops() {
        return loops;
    }

    /**
     * The next frame, waiting for it as long as it takes: through outages, reconnects and, for
     * real-time pacing, until the frame is due.
     *
     * @return the frame, or null once the source is closed or a file that does not loop has ended
     * @throws InterruptedException when the reading thread is interrupted
     */
    public VideoFrame next() throws InterruptedException {
        reading.lockInterruptibly();
        try {
            while (!closed) {
                if (grabber == null && !reconnect()) {
                    continue;
                }
                Frame frame;
                try {
                    frame = grabber.grabImage();
                } catch (FrameGrabber.Exception e) {
                    drop("read failed: " + describe(e));
                    continue;
                }
                if (frame == null || frame.image == null) {
                    if (config.kind().isLive()) {
                        drop(endReason());
                        continue;
                    }
                    if (!config.loop() || framesThisConnection == 0) {
                        return null;
                    }
                    startOver();
                    continue;
                }
                return deliver(frame);
            }
            return null;
        } finally {
            reading.unlock();
        }
    }

    /** FFmpeg reads a timeout as the end of the stream; the time since the last frame tells them apart. */
    private String endReason() {
        if (framesThisConnection == 0) {
            return "the stream sent no frames";
        }
        long silentNanos = System.nanoTime() - lastFrameNanos;
        if (silentNanos >= config.timeout().toNanos() * 9 / 10) {
            return "no data for " + silentNanos / 1_000_000 / 1000.0 + " s (timeout " + config.timeout().toMillis() / 1000.0 + " s)";
        }
        return "the stream ended";
    }

    private VideoFrame deliver(Frame frame) throws InterruptedException {
        framesThisConnection++;
        lastFrameNanos = System.nanoTime();
        Instant now = clock.instant();
        if (lostSince != null) {
            Duration gap = Duration.between(lostSince, now);
            lostSince = null;
            LOG.info("camera '{}': video back after {} s from {}", camera, gap.toMillis() / 1000.0, config.redacted());
            listener.videoBack(camera, gap);
        }
        double raw = frame.timestamp / 1e6;
        if (Double.isNaN(firstRawSeconds)) {
            firstRawSeconds = raw;
        }
        lastRawSeconds = raw;
        double streamSeconds = loopOffsetSeconds + raw - firstRawSeconds;
        Instant time;
        if (config.kind().isLive()) {
            time = now;
        } else {
            if (config.pacing() == VideoSourceConfig.Pacing.REAL_TIME) {
                pace(streamSeconds);
                if (closed) {
                    return null;
                }
            }
            time = openedAt.plusNanos(Math.round(streamSeconds * 1e9));
        }
        // The Mat wraps the frame's pixels (BGR24, the grabber's default for colour): no copy.
        Mat image = converter.convert(frame);
        return new VideoFrame(image, frames++, streamSeconds, time);
    }

    /** Waits until the frame at {@code streamSeconds} is due on the clock the first frame set. */
    private void pace(double streamSeconds) throws InterruptedException {
        long now = System.nanoTime();
        if (Double.isNaN(paceAnchorSeconds)) {
            paceAnchorNanos = now;
            paceAnchorSeconds = streamSeconds;
            return;
        }
        long due = paceAnchorNanos + Math.round((streamSeconds - paceAnchorSeconds) * 1e9);
        long wait = due - now;
        if (wait < -MAX_LAG_SECONDS * 1e9) {
            paceAnchorNanos = now; // the reader was away; go on from here rather than burst
            paceAnchorSeconds = streamSeconds;
        } else if (wait > 0) {
            closing.await(wait, TimeUnit.NANOSECONDS);
        }
    }

    private void startOver() throws InterruptedException {
        // The next loop starts one frame interval after the last frame of this one.
        double rate = grabber.getFrameRate();
        double interval = rate > 0 ? 1 / rate : 0;
        loopOffsetSeconds += lastRawSeconds - firstRawSeconds + interval;
        firstRawSeconds = Double.NaN;
        loops++;
        release();
        try {
            connect();
        } catch (FrameGrabber.Exception e) {
            drop("cannot reopen the file: " + describe(e));
        }
    }

    /** Tries to open the stream; false (after waiting out the back-off) when it failed. */
    private boolean reconnect() throws InterruptedException {
        try {
            connect();
            return true;
        } catch (FrameGrabber.Exception e) {
            drop("cannot open " + config.redacted() + ": " + describe(e));
            return false;
        }
    }

    private void connect() throws FrameGrabber.Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(config.location());
        if (config.format() != null) {
            g.setFormat(config.format());
        }
        config.ffmpegOptions().forEach(g::setOption);
        // One decoding thread: an edge box shares its cores with the analytics.
        g.setVideoOption("threads", "1");
        g.setImageMode(FrameGrabber.ImageMode.COLOR);
        // Whatever native memory opening allocates on our behalf and does not keep is freed here.
        try (PointerScope scope = new PointerScope()) {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw e instanceof FrameGrabber.Exception fe ? fe : new FrameGrabber.Exception(e.getMessage(), e);
        }
        grabber = g;
        converter = new OpenCVFrameConverter.ToMat();
        connectedAt = clock.instant();
        framesThisConnection = 0;
        if (config.kind().isLive()) {
            firstRawSeconds = Double.NaN;
            loopOffsetSeconds = 0;
        }
    }

    /**
     * The stream is gone: release it, report the outage once, and wait out the back-off
     * before the next connect.
     */
    private void drop(String reason) throws InterruptedException {
        boolean wasStable = grabber != null && framesThisConnection > 0
                && !Duration.between(connectedAt, clock.instant()).minus(config.stableAfter()).isNegative();
        release();
        if (closed) {
            return;
        }
        if (wasStable) {
            backoff.reset();
        }
        Duration delay = backoff.next();
        if (lostSince == null) {
            lostSince = clock.instant();
            LOG.warn("camera '{}': video lost ({}); reconnecting in {} s", camera, reason, delay.toMillis() / 1000.0);
            listener.videoLost(camera, reason, lostSince);
        } else {
            LOG.info("camera '{}': reconnect {} failed ({}); next try in {} s", camera, backoff.attempts() - 1, reason,
                    delay.toMillis() / 1000.0);
            listener.reconnectFailed(camera, backoff.attempts() - 1, reason, delay);
        }
        closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void release() {
        if (converter != null) {
            converter.close(); // frees the Mat it made around the grabber's buffer
            converter = null;
        }
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
        }
    }

    /** FFmpeg's error without the hints JavaCV adds for developers. */
    static String describe(Exception e) {
        String m = String.valueOf(e.getMessage());
        int hint = m.indexOf(" (Has setFormat()");
        return hint < 0 ? m : m.substring(0, hint);
    }

    private void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("camera '{}': closing the stream failed: {}", camera, e.getMessage());
        }
    }

    /** Stops reading: a waiting {@link #next()} returns null, and the stream is released. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        reading.lock();
        try {
            release();
        } finally {
            reading.unlock();
        }
    }

    @Override
    public String toString() {
        return "camera '" + camera + "' (" + config.redacted() + ")";
    }
}
