package vn.ioc.edge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.edge.video.VideoSourceConfig.Pacing;

/** Video files as camera sources: the real street clip and clips recorded by the test. */
class FileVideoSourceTest {

    @TempDir
    Path dir;

    @Test
    void streetClipDecodesEveryFrameAsBgrAtItsSize() throws Exception {
        Path clip = TestClips.streetClip();
        int expected = 0;
        try (FFmpegFrameGrabber plain = new FFmpegFrameGrabber(clip.toFile())) {
            plain.start();
            for (Frame f = plain.grabImage(); f != null; f = plain.grabImage()) {
                expected++;
            }
        }

        int frames = 0;
        double lastSeconds = -1;
        boolean increasing = true;
        VideoSourceConfig config = VideoSourceConfig.parse(clip.toString()).withPacing(Pacing.FAST);
        try (VideoSource source = VideoSource.open("street", config, VideoStatusListener.NONE)) {
            for (VideoFrame f = source.next(); f != null; f = source.next()) {
                if (frames == 0) {
                    assertThat(f.width()).isEqualTo(640);
                    assertThat(f.height()).isEqualTo(352);
                    assertThat(f.image().type()).isEqualTo(opencv_core.CV_8UC3);
                }
                increasing &= f.streamSeconds() > lastSeconds;
                lastSeconds = f.streamSeconds();
                assertThat(f.number()).isEqualTo(frames);
                frames++;
            }
            assertThat(source.isLost()).isFalse();
        }

        assertThat(expected).as("frames FFmpeg decodes from the clip").isBetween(880, 920);
        assertThat(frames).isEqualTo(expected);
        assertThat(increasing).as("stream times increase").isTrue();
        assertThat(lastSeconds).as("the clip is 37.7 s long").isBetween(37.0, 38.0);
    }

    @Test
    void loopingFileStartsOverWithStreamTimeRunningOn() throws Exception {
        Path clip = TestClips.greySteps(dir, 10, 10);
        List<Integer> greens = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        VideoSourceConfig config = VideoSourceConfig.parse(clip.toString()).withLoop(true).withPacing(Pacing.FAST);
        try (VideoSource source = VideoSource.open("grey", config, VideoStatusListener.NONE)) {
            for (int i = 0; i < 25; i++) {
                VideoFrame f = source.next();
                greens.add(TestClips.centreBgr(f.image())[1]);
                seconds.add(f.streamSeconds());
            }
            assertThat(source.loops()).isEqualTo(2);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(TestClips.grey(i));
        }
        assertThat(greens).isEqualTo(expected);
        for (int i = 0; i < 25; i++) {
            assertThat(seconds.get(i)).as("stream time of frame " + i).isCloseTo(i * 0.1, org.assertj.core.api.Assertions.within(0.011));
        }
    }

    @Test
    void fileWithoutLoopEndsWithNull() throws Exception {
        Path clip = TestClips.greySteps(dir, 10, 10);
        try (VideoSource source = VideoSource.open("grey", VideoSourceConfig.parse(clip.toString()).withPacing(Pacing.FAST),
                VideoStatusListener.NONE)) {
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(10);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void realTimePacingTakesAboutTheClipsDuration() throws Exception {
        Path clip = TestClips.greySteps(dir, 10, 20); // half a second a loop
        VideoSourceConfig config = VideoSourceConfig.parse(clip.toString()).withLoop(true);
        try (VideoSource source = VideoSource.open("grey", config, VideoStatusListener.NONE)) {
            long start = System.nanoTime();
            for (int i = 0; i < 21; i++) {
                source.next();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            // 20 intervals of 50 ms after the first frame: 1 s. Only a lower bound: a busy machine may be slower.
            assertThat(elapsed).as("seconds to read 21 frames at 20 frames/s").isGreaterThan(0.5);
        }
    }

    @Test
    void closeFromAnotherThreadEndsAWaitingRead() throws Exception {
        Path clip = TestClips.greySteps(dir, 10, 0.5); // a frame every 2 s
        VideoSource source = VideoSource.open("grey", VideoSourceConfig.parse(clip.toString()), VideoStatusListener.NONE);
        source.next();
        Thread closer = new Thread(source::close);
        closer.start();
        assertThat(source.next()).as("the read waiting for the next frame returns when closed").isNull();
        closer.join();
    }

    @Test
    void missingFileThrowsExceptionNamingTheCamera() {
        Path missing = dir.resolve("nothing-here.mp4");
        assertThatThrownBy(() -> VideoSource.open("cam-7", VideoSourceConfig.parse(missing.toString()), VideoStatusListener.NONE))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("cam-7")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void fileThatIsNoVideoThrowsException() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");
        assertThatThrownBy(() -> VideoSource.open("cam-7", VideoSourceConfig.parse(text.toString()), VideoStatusListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cam-7")
                .hasMessageContaining("cannot decode");
    }

    @Test
    void loopingManyTimesDoesNotGrowNativeMemory() throws Exception {
        Path clip = TestClips.greySteps(dir, 10, 10);
        VideoSourceConfig config = VideoSourceConfig.parse(clip.toString()).withLoop(true).withPacing(Pacing.FAST);
        try (VideoSource source = VideoSource.open("grey", config, VideoStatusListener.NONE)) {
            for (int i = 0; i < 30; i++) {
                source.next();
            }
            long bytes = Pointer.totalBytes();
            long count = Pointer.totalCount();

            for (int i = 0; i < 1000; i++) { // 100 more loops, each a reopen
                source.next();
            }

            assertThat(source.loops()).isGreaterThanOrEqualTo(100);
            assertThat(Pointer.totalCount()).as("native objects JavaCPP tracks after 100 reopens").isLessThanOrEqualTo(count + 20);
            assertThat(Pointer.totalBytes()).as("native bytes JavaCPP holds after 100 reopens").isLessThanOrEqualTo(bytes + 1024 * 1024);
        }
    }
}
