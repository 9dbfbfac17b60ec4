package vn.ioc.edge.tamper;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Records the synthetic street as an MJPEG AVI (so the detector sees real encoder noise) with one
 * stretch of each kind of tampering, separated by normal traffic.
 */
final class TamperedClip {

    static final double FPS = 10;
    static final double BLACK_FROM = 30;
    static final double BLACK_TO = 40;
    static final double FROZEN_FROM = 55;
    static final double FROZEN_TO = 70;
    static final double BLUR_FROM = 85;
    static final double BLUR_TO = 100;
    static final double TURNED_FROM = 115;
    static final double END = 140;

    private TamperedClip() {
    }

    static Path record(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (SyntheticStreet street = new SyntheticStreet();
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), SyntheticStreet.WIDTH, SyntheticStreet.HEIGHT, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoQuality(4);
            recorder.start();
            Mat frozenPicture = null;
            for (int i = 0; i < END * FPS; i++) {
                double t = i / FPS;
                Mat picture;
                if (t >= FROZEN_FROM && t < FROZEN_TO) {
                    if (frozenPicture == null) {
                        frozenPicture = street.frame(t, false);
                    }
                    picture = frozenPicture.clone();
                } else {
                    picture = street.frame(t, t >= TURNED_FROM);
                }
                if (t >= BLACK_FROM && t < BLACK_TO) {
                    picture.put(new org.bytedeco.opencv.opencv_core.Scalar(3, 3, 3, 0));
                }
                if (t >= BLUR_FROM && t < BLUR_TO) {
                    SyntheticStreet.blur(picture);
                }
                recorder.record(converter.convert(picture));
                picture.close();
            }
            if (frozenPicture != null) {
                frozenPicture.close();
            }
            recorder.stop();
        }
        return file;
    }
}
