package vn.ioc.edge;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A video file played in an endless loop with FFmpeg: decodes frames in order and starts
 * over at the end. Not thread-safe; one caller at a time.
 */
public final class VideoLoop implements AutoCloseable {

    static {
        // FFmpeg writes stream details to stderr at INFO; only its errors matter here.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private long loops;

    public VideoLoop(Path file) throws FrameGrabber.Exception {
        this.file = file;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        // One decoding thread: an edge box shares its cores with the analytics.
        grabber.setVideoOption("threads", "1");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            grabber.close();
            throw new FrameGrabber.Exception("cannot open the video " + file + ": " + e.getMessage(), e);
        }
    }

    public double frameRate() {
        return grabber.getFrameRate();
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    /** How many times the video has started over. */
    public long loops() {
        return loops;
    }

    /**
     * Decodes the next {@code count} frames and returns the last of them as an image. The
     * image belongs to this loop and is overwritten by the next call.
     */
    public BufferedImage advance(int count) throws FrameGrabber.Exception {
        if (count < 1) {
            throw new IllegalArgumentException("expected at least 1 frame but was " + count);
        }
        // Whatever native memory decoding allocates on our behalf is freed when the scope closes.
        try (PointerScope scope = new PointerScope()) {
            Frame frame = null;
            for (int i = 0; i < count; i++) {
                frame = nextFrame();
            }
            // Copies the pixels out of the grabber's native buffer, which the next grab reuses.
            return converter.convert(frame);
        }
    }

    private Frame nextFrame() throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) {
            grabber.restart();
            loops++;
            frame = grabber.grabImage();
            if (frame == null) {
                throw new FrameGrabber.Exception("the video " + file + " has no frames");
            }
        }
        return frame;
    }

    @Override
    public void close() throws FrameGrabber.Exception {
        converter.close();
        grabber.close();
    }
}
