package vn.ioc.edge.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Video the tests make themselves, so they know what each frame shows. */
final class TestClips {

    static final int WIDTH = 64;
    static final int HEIGHT = 48;

    private TestClips() {
    }

    /** The bundled real street clip (640 x 352 H.264), as the build puts it on the classpath. */
    static Path streetClip() throws Exception {
        return Path.of(TestClips.class.getResource("/replay/video/street-2lane.mp4").toURI());
    }

    /** {@code count} frames of distinct grey levels at {@code fps}, recorded losslessly. */
    static Path greySteps(Path dir, int count, double fps) throws Exception {
        Path file = dir.resolve("grey-steps-" + count + ".mkv");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(fps);
            recorder.start();
            for (int i = 0; i < count; i++) {
                recorder.record(converter.convert(greyImage(grey(i))));
            }
            recorder.stop();
        }
        return file;
    }

    static BufferedImage greyImage(int level) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return img;
    }

    static int grey(int frame) {
        return 10 + 24 * (frame % 10);
    }

    /** The blue, green and red of the centre pixel of a BGR image. */
    static int[] centreBgr(Mat image) {
        var p = image.ptr(image.rows() / 2, image.cols() / 2);
        return new int[] {p.get(0) & 0xff, p.get(1) & 0xff, p.get(2) & 0xff};
    }
}
