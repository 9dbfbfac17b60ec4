package vn.ioc.edge.tamper;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjDoubleConsumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Reads a clip back as the analytics would hand it over: grey, at most 320 px wide, with its time. */
final class TamperVideo {

    private TamperVideo() {
    }

    static void eachGreyFrame(String file, ObjDoubleConsumer<Mat> consumer) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat grey = new Mat(); Mat small = new Mat()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                Mat bgr = converter.convert(frame);
                cvtColor(bgr, grey, COLOR_BGR2GRAY);
                Mat analysed = grey;
                if (grey.cols() > 320) {
                    try (Size size = new Size(320, grey.rows() * 320 / grey.cols())) {
                        resize(grey, small, size, 0, 0, INTER_AREA);
                    }
                    analysed = small;
                }
                consumer.accept(analysed, grabber.getTimestamp() / 1e6);
            }
            grabber.stop();
        }
    }

    /** Every change the detector reports over the whole clip. */
    static List<TamperChange> changes(String file, TamperDetector detector) throws Exception {
        List<TamperChange> changes = new ArrayList<>();
        eachGreyFrame(file, (grey, seconds) -> changes.addAll(detector.update(grey, seconds)));
        return changes;
    }
}
