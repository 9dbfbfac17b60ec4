package vn.ioc.edge.video;

import java.time.Instant;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame.
 *
 * @param image         BGR pixels; it belongs to the source and is overwritten by the next
 *                      {@link VideoSource#next()}: {@code clone()} it to keep it longer
 * @param number        frames handed out by the source before this one
 * @param streamSeconds the frame's presentation time from the stream, continuing across the
 *                      loops of a file (a live stream restarts it when it reconnects)
 * @param time          when the frame was taken: for a live stream the wall clock when it was
 *                      read, for a file the time the source opened plus {@code streamSeconds},
 *                      so a file read as fast as possible keeps its own spacing
 */
public record VideoFrame(Mat image, long number, double streamSeconds, Instant time) {

    public int width() {
        return image.cols();
    }

    public int height() {
        return image.rows();
    }
}
