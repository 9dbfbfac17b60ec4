package vn.ioc.edge.tamper;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Watches one camera's picture for tampering: {@link TamperReason#BLACKOUT}, {@link TamperReason#FROZEN},
 * {@link TamperReason#BLUR} and {@link TamperReason#SCENE_CHANGE}. One condition is reported once when
 * it begins and once when it ends. Not thread-safe: one camera's frames in order.
 */
public final class TamperDetector {

    public TamperDetector() {
    }

    /**
     * @param grey    the frame as 8-bit single-channel grey, at the analysis size the caller chose
     * @param seconds the frame's time, increasing
     * @return the conditions that began or ended with this frame, usually none
     */
    public List<TamperChange> update(Mat grey, double seconds) {
        return List.of(); // placeholder until the detector is written
    }
}
