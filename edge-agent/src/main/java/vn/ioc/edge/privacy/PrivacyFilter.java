package vn.ioc.edge.privacy;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes a frame safe to leave the agent: faces and licence plates blurred beyond reading,
 * the configured privacy masks filled, the size capped. Not thread-safe: one per camera.
 */
public final class PrivacyFilter implements AutoCloseable {

    /**
     * @param masks      areas never shown, as polygons in the source frame's pixel coordinates
     * @param maxWidth   the widest picture that leaves the agent, in pixels
     * @param maxHeight  the tallest picture that leaves the agent, in pixels
     * @param jpegQuality JPEG quality, 1 to 100
     */
    public PrivacyFilter(List<Polygon> masks, int maxWidth, int maxHeight, int jpegQuality) {
    }

    /** A filtered, size-capped copy of {@code bgr} (8-bit, 3 channels); the input is left as it was. */
    public Mat filter(Mat bgr) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** {@link #filter} then JPEG. */
    public byte[] jpeg(Mat bgr) {
        throw new UnsupportedOperationException("not written yet");
    }

    @Override
    public void close() {
    }
}
