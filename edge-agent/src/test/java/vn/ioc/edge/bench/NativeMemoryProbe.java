package vn.ioc.edge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;

import vn.ioc.edge.analytics.AnalyticsOutput;
import vn.ioc.edge.analytics.CameraAnalytics;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.CameraConfigReader;
import vn.ioc.edge.privacy.PrivacyFilter;
import vn.ioc.edge.video.VideoFrame;
import vn.ioc.edge.video.VideoSource;
import vn.ioc.edge.video.VideoSourceConfig;
import vn.ioc.edge.video.VideoStatusListener;

/**
 * A camera's whole per-frame work, in a process of its own with a fixed heap: decoding a
 * looping file, the analytics on every frame, the privacy filter every {@code filterEvery}-th.
 * Prints {@code frame rssBytes javacppBytes} every 500 frames, so a caller can see whether
 * native memory grows.
 *
 * <p>{@code java NativeMemoryProbe VIDEO CAMERA.yaml FRAMES FILTER_EVERY}
 */
public final class NativeMemoryProbe {

    private NativeMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        CameraConfig config = CameraConfigReader.read(Path.of(args[1]));
        long frames = Long.parseLong(args[2]);
        int filterEvery = Integer.parseInt(args[3]);
        VideoSourceConfig source = VideoSourceConfig.parse(video.toString())
                .withLoop(true).withPacing(VideoSourceConfig.Pacing.FAST);
        CameraAnalytics analytics = null;
        long outputs = 0;
        try (VideoSource in = VideoSource.open("probe", source, VideoStatusListener.NONE);
             PrivacyFilter filter = new PrivacyFilter(config.privacyMasks(), 640, 360, 70)) {
            for (long n = 1; n <= frames; n++) {
                VideoFrame f = in.next();
                if (analytics == null) {
                    analytics = new CameraAnalytics(config, f.width(), f.height());
                }
                for (AnalyticsOutput o : analytics.process(f.image(), f.streamSeconds())) {
                    outputs++;
                }
                if (n % filterEvery == 0) {
                    filter.jpeg(f.image());
                }
                if (n % 500 == 0) {
                    System.out.println(n + " " + rss() + " " + Pointer.totalBytes());
                }
            }
        } finally {
            if (analytics != null) {
                analytics.close();
            }
        }
        System.out.println("done " + outputs);
    }

    /** Resident set size from the kernel: heap, code and every native allocation, JavaCPP's or not. */
    static long rss() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/self/status"))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
