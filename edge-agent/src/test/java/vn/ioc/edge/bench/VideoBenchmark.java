package vn.ioc.edge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.edge.analytics.AnalysisSettings;
import vn.ioc.edge.analytics.CameraAnalytics;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.CameraConfigReader;
import vn.ioc.edge.privacy.PrivacyFilter;
import vn.ioc.edge.video.VideoFrame;
import vn.ioc.edge.video.VideoSource;
import vn.ioc.edge.video.VideoSourceConfig;
import vn.ioc.edge.video.VideoStatusListener;

/**
 * Frames per second an edge box gets from the street clip at 640×352 and, scaled up, at
 * 1280×720: FFmpeg decoding alone next to decoding plus the camera analytics, for one camera
 * and for four cameras side by side (each its own thread, as the agent runs them), and the
 * privacy filter's cost per published frame. Run it under {@code taskset} to choose the cores:
 * {@code edge-agent/bench/video-benchmark.sh} does, once on one core and once on two, and
 * appends the figures to {@code edge-agent/bench/video-benchmark.md}.
 *
 * <p>{@code java VideoBenchmark LABEL OUT.md WORK_DIR}
 */
public final class VideoBenchmark {

    private static final int FRAMES_PER_CAMERA = 1_200;
    private static final int FILTERED_FRAMES = 20;

    private VideoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        Path out = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        // One OpenCV thread per camera: on an edge box the cameras share the cores, not one camera's steps.
        opencv_core.setNumThreads(1);

        Path small = work.resolve("street-640x352.mp4");
        try (InputStream in = VideoBenchmark.class.getResourceAsStream("/replay/video/street-2lane.mp4")) {
            Files.copy(in, small, StandardCopyOption.REPLACE_EXISTING);
        }
        Path large = work.resolve("street-1280x720.mp4");
        if (!Files.exists(large)) {
            upscale(small, large, 1280, 720);
        }
        Path smallConfig = Path.of("examples/street-2lane.yaml");
        Path largeConfig = work.resolve("street-2lane-1280x720.yaml");
        scaleConfig(smallConfig, largeConfig, 1280 / 640.0, 720 / 352.0);

        // warm-up, not reported: class loading, the JIT, FFmpeg's and OpenCV's first allocations
        run(small, CameraConfigReader.read(smallConfig), 1);

        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n### %s (%d core%s seen by the JVM)%n%n", label, cores, cores == 1 ? "" : "s"));
        table.append("| video | cameras | decode only, frames/s | decode + analytics (average background, the default), frames/s | analytics cost vs decoding | decode + analytics (mixture background), frames/s | analytics cost vs decoding |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (Object[] v : new Object[][] {{"640×352", small, smallConfig}, {"1280×720", large, largeConfig}}) {
            for (int cameras : new int[] {1, 4}) {
                double decode = run((Path) v[1], null, cameras);
                double average = run((Path) v[1], withBackground(CameraConfigReader.read((Path) v[2]), AnalysisSettings.Background.AVERAGE), cameras);
                double mixture = run((Path) v[1], withBackground(CameraConfigReader.read((Path) v[2]), AnalysisSettings.Background.MIXTURE), cameras);
                table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f× | %.0f | %.2f× |%n", v[0], cameras, decode,
                        average, cost(average, decode), mixture, cost(mixture, decode)));
                System.out.printf(Locale.ROOT, "%s %s x%d: decode %.0f fps, analytics %.0f (average) %.0f (mixture) fps%n",
                        label, v[0], cameras, decode, average, mixture);
            }
        }
        table.append(String.format(Locale.ROOT, "%nPrivacy filter (faces, plates, masks, JPEG) per published frame: %.0f ms at 640×352, %.0f ms at 1280×720.%n",
                filterMillis(small), filterMillis(large)));
        Files.writeString(out, table.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(table);
    }

    /** Time per frame: analytics = total - decoding; the cost ratio is analytics time / decoding time. */
    private static double cost(double analysedFps, double decodeFps) {
        return (1 / analysedFps - 1 / decodeFps) / (1 / decodeFps);
    }

    private static CameraConfig withBackground(CameraConfig c, AnalysisSettings.Background background) {
        AnalysisSettings a = c.analysis();
        return new CameraConfig(c.camera(), c.statsIntervalSeconds(), new AnalysisSettings(a.width(), a.minBlobArea(),
                a.backgroundSeconds(), a.varThreshold(), a.maxMissedSeconds(), a.confirmSeconds(), a.stillPixels(),
                a.stoppedSeconds(), a.wrongWayPixels(), a.queueSpacingM(), a.ignore(), background),
                c.calibration(), c.lanes(), c.lines(), c.zones(), c.privacyMasks());
    }

    /** Aggregate frames per second of {@code cameras} threads, each reading its own copy of the video. */
    private static double run(Path video, CameraConfig config, int cameras) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cameras);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int i = 0; i < cameras; i++) {
                work.add(() -> oneCamera(video, config));
            }
            long start = System.nanoTime();
            long frames = 0;
            for (Future<Long> f : pool.invokeAll(work)) {
                frames += f.get();
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long oneCamera(Path video, CameraConfig config) throws Exception {
        VideoSourceConfig source = VideoSourceConfig.parse(video.toString()).withLoop(true).withPacing(VideoSourceConfig.Pacing.FAST);
        CameraAnalytics analytics = null;
        try (VideoSource in = VideoSource.open("bench", source, VideoStatusListener.NONE)) {
            for (int n = 0; n < FRAMES_PER_CAMERA; n++) {
                VideoFrame f = in.next();
                if (config != null) {
                    if (analytics == null) {
                        analytics = new CameraAnalytics(config, f.width(), f.height());
                    }
                    analytics.process(f.image(), f.streamSeconds());
                }
            }
        } finally {
            if (analytics != null) {
                analytics.close();
            }
        }
        return FRAMES_PER_CAMERA;
    }

    private static double filterMillis(Path video) throws Exception {
        VideoSourceConfig source = VideoSourceConfig.parse(video.toString()).withPacing(VideoSourceConfig.Pacing.FAST);
        try (VideoSource in = VideoSource.open("bench", source, VideoStatusListener.NONE);
             PrivacyFilter filter = new PrivacyFilter(List.of(), 640, 360, 70)) {
            long total = 0;
            for (int n = 0; n < FILTERED_FRAMES + 2; n++) {
                for (int skip = 0; skip < 20; skip++) {
                    in.next(); // frames a second apart, as the agent publishes them
                }
                Mat image = in.next().image();
                long t = System.nanoTime();
                filter.jpeg(image);
                if (n >= 2) { // the first calls load the cascades
                    total += System.nanoTime() - t;
                }
            }
            return total / 1e6 / FILTERED_FRAMES;
        }
    }

    /** The clip scaled up and encoded as H.264, so 720p decoding costs what a 720p camera stream does. */
    public static void upscale(Path from, Path to, int width, int height) throws IOException {
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(from.toFile());
             OpenCVFrameConverter.ToMat convert = new OpenCVFrameConverter.ToMat();
             Mat big = new Mat();
             Size size = new Size(width, height)) {
            in.start();
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(to.toFile(), width, height)) {
                rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                rec.setFormat("mp4");
                rec.setFrameRate(in.getFrameRate());
                rec.setVideoBitrate(3_000_000);
                rec.start();
                Frame f;
                while ((f = in.grabImage()) != null) {
                    opencv_imgproc.resize(convert.convert(f), big, size, 0, 0, opencv_imgproc.INTER_LINEAR);
                    rec.record(convert.convert(big));
                }
                rec.stop();
            }
            in.stop();
        }
    }

    /** The camera's configuration with every point and vector scaled, and areas with them. */
    public static void scaleConfig(Path from, Path to, double sx, double sy) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode root = yaml.readTree(Files.readString(from));
        scale(root, sx, sy);
        ObjectNode analysis = (ObjectNode) root.get("analysis");
        if (analysis != null && analysis.has("minBlobArea")) {
            analysis.put("minBlobArea", analysis.get("minBlobArea").doubleValue() * sx * sy);
        }
        Files.writeString(to, yaml.writeValueAsString(root));
    }

    private static void scale(JsonNode n, double sx, double sy) {
        if (n instanceof ArrayNode a && a.size() == 2 && a.get(0).isNumber() && a.get(1).isNumber()) {
            double x = a.get(0).doubleValue() * sx;
            double y = a.get(1).doubleValue() * sy;
            a.removeAll();
            a.add(x);
            a.add(y);
            return;
        }
        for (JsonNode child : n) {
            scale(child, sx, sy);
        }
    }
}
