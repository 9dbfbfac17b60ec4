package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looping video with FFmpeg: a clip recorded here, and the real street clip read from the classpath as the agent reads it. */
class VideoLoopTest {

    @TempDir
    static Path state;
    static Path clip;

    @BeforeAll
    static void copyTheBundledClip() throws Exception {
        Camera camera = SitesConfig.bundled().site("hue-duc").orElseThrow().cameras().get(0);
        clip = camera.video().localPath(state.resolve("video"));
    }

    @Test
    void bundledClipDecodesAt640x352WithAPlausibleFrameCount() throws Exception {
        int frames = 0;
        int width = 0;
        int height = 0;
        double fps;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            fps = grabber.getFrameRate();
            for (Frame f = grabber.grabImage(); f != null; f = grabber.grabImage()) {
                frames++;
                width = f.imageWidth;
                height = f.imageHeight;
            }
        }

        assertThat(width).isEqualTo(640);
        assertThat(height).isEqualTo(352);
        assertThat(fps).isCloseTo(24, org.assertj.core.api.Assertions.within(0.1));
        assertThat(frames).as("37.7 s at 24 fps").isBetween(880, 920);
    }

    @Test
    void loopStartsOverAtTheEndAndKeepsDeliveringFrames() throws Exception {
        try (VideoLoop loop = new VideoLoop(clip)) {
            assertThat(loop.frameRate()).isCloseTo(24, org.assertj.core.api.Assertions.within(0.1));
            BufferedImage first = loop.advance(1);
            assertThat(first.getWidth()).isEqualTo(640);
            assertThat(first.getHeight()).isEqualTo(352);

            for (int i = 0; i < 80; i++) {
                loop.advance(12); // 80 snapshots half a second apart: 40 s, past the 37.7 s clip
            }

            assertThat(loop.loops()).isEqualTo(1);
            BufferedImage later = loop.advance(12);
            assertThat(later.getWidth()).isEqualTo(640);
        }
    }

    @Test
    void snapshotsOfTheClipAreJpegsOfTheClipsSize() throws Exception {
        try (VideoLoop loop = new VideoLoop(clip)) {
            BufferedImage frame = loop.advance(240); // 10 s in: vehicles on the road
            byte[] jpeg = JpegSnapshots.encode(JpegSnapshots.fit(frame, JpegSnapshots.MAX_SIDE), JpegSnapshots.QUALITY);

            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(decoded.getWidth()).isEqualTo(640);
            assertThat(decoded.getHeight()).isEqualTo(352);
            assertThat(jpeg.length).isBetween(5_000, 200_000);
        }
    }

    /** Ten frames of distinct grey levels, recorded losslessly, so the test knows which frame it sees. */
    private static Path recordTenGreyFrames(Path dir) throws Exception {
        Path file = dir.resolve("grey-steps.mkv");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(grey(i), grey(i), grey(i)));
                g.fillRect(0, 0, 64, 48);
                g.dispose();
                recorder.record(converter.convert(img));
            }
            recorder.stop();
        }
        return file;
    }

    private static int grey(int frame) {
        return 10 + 24 * frame;
    }

    @Test
    void framesComeInOrderAndStartOverAfterTheLast(@TempDir Path dir) throws Exception {
        Path video = recordTenGreyFrames(dir);
        List<Integer> seen = new ArrayList<>();
        try (VideoLoop loop = new VideoLoop(video)) {
            for (int i = 0; i < 25; i++) {
                seen.add(new Color(loop.advance(1).getRGB(32, 24)).getGreen());
            }
            assertThat(loop.loops()).isEqualTo(2);
            int skipped = new Color(loop.advance(3).getRGB(32, 24)).getGreen(); // frames 5, 6, 7: returns 7
            assertThat(skipped).isEqualTo(grey(7));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(grey(i % 10));
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void loopingSeveralTimesDoesNotGrowNativeMemory() throws Exception {
        try (VideoLoop loop = new VideoLoop(clip)) {
            for (int i = 0; i < 100; i++) {
                loop.advance(12); // a first loop allocates what the grabber keeps
            }
            long before = Pointer.totalBytes();
            long residentBefore = Pointer.physicalBytes();

            while (loop.loops() < 4) {
                loop.advance(12);
            }

            assertThat(Pointer.totalBytes()).as("native bytes JavaCPP holds after three more loops")
                    .isLessThanOrEqualTo(before + 1024 * 1024);
            // A frame leaked per decode would be 640 x 352 x 3 bytes x ~2,700 frames, about 1.8 GB.
            assertThat(Pointer.physicalBytes()).as("resident memory after three more loops")
                    .isLessThan(residentBefore + 128L * 1024 * 1024);
        }
    }
}
