package vn.ioc.edge.analytics;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the objects of one frame. The background-subtraction detector finds whatever moves; a
 * detector running a neural network on {@code bgr} could take its place where a model is configured.
 * Not thread-safe: one camera's frames in order.
 */
public interface ObjectDetector extends AutoCloseable {

    /**
     * @param bgr     the source frame, 8-bit BGR, not to be changed
     * @param grey    the same frame as 8-bit grey at the analysis size, not to be changed
     * @param seconds the frame's time, increasing
     * @return the objects' boxes in source-frame pixels
     */
    List<Detection> detect(Mat bgr, Mat grey, double seconds);

    @Override
    void close();
}
