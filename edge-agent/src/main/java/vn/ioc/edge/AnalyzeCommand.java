package vn.ioc.edge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.ioc.edge.analytics.AnalyticsEvent;
import vn.ioc.edge.analytics.AnalyticsOutput;
import vn.ioc.edge.analytics.CameraAnalytics;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.CameraConfigReader;
import vn.ioc.edge.analytics.IntervalStats;

/**
 * {@code java -jar ioc-edge-agent.jar analyze --video FILE --camera FILE.yaml --out FILE.jsonl}: runs a
 * camera's analytics over a video file, with no broker, and writes one JSON line per statistics
 * interval ({@code "kind":"stats"}) and per event ({@code "kind":"event"}), each with
 * {@code videoTime} in seconds from the start of the video. The interval under way when the video
 * ends is written too, with {@code "partial":true}.
 */
public final class AnalyzeCommand {

    public static final String USAGE = """
            usage: analyze --video FILE --camera FILE.yaml --out FILE.jsonl
              --video   the video file to analyse (anything FFmpeg reads)
              --camera  the camera's analytics configuration (YAML: lanes, lines, zones, …)
              --out     where to write the statistics and events, one JSON object a line""";

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A command line that cannot be run; the message says why. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** What the command was asked to do. */
    public record Options(Path video, Path camera, Path out) {
    }

    /** What a run saw. */
    public record Summary(long frames, long stats, long events, double videoSeconds, double wallSeconds) {
        public double framesPerSecond() {
            return wallSeconds <= 0 ? 0 : frames / wallSeconds;
        }
    }

    private AnalyzeCommand() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        try {
            Options options = parse(args);
            Summary s = run(options);
            System.err.printf("analyze: %d frames (%.1f s of video) in %.1f s, %.0f frames/s; %d statistics and %d events in %s%n",
                    s.frames(), s.videoSeconds(), s.wallSeconds(), s.framesPerSecond(), s.stats(), s.events(), options.out());
        } catch (UsageException e) {
            System.err.println("analyze: " + e.getMessage() + " (--help shows the usage)");
            System.exit(2);
        } catch (InvalidConfigException e) {
            System.err.println("analyze: " + e.getMessage());
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("analyze: " + e.getMessage());
            System.exit(1);
        }
    }

    public static Options parse(String[] args) throws UsageException {
        Path video = null;
        Path camera = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!List.of("--video", "--camera", "--out").contains(flag)) {
                throw new UsageException("unknown argument '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            Path value = Path.of(args[++i]);
            switch (flag) {
                case "--video" -> video = value;
                case "--camera" -> camera = value;
                default -> out = value;
            }
        }
        if (video == null || camera == null || out == null) {
            throw new UsageException("--video, --camera and --out are all needed");
        }
        readable(video, "--video");
        readable(camera, "--camera");
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UsageException("--out: the folder of " + out + " does not exist or cannot be written");
        }
        return new Options(video, camera, out);
    }

    private static void readable(Path p, String flag) throws UsageException {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException(flag + ": " + p + " is not a readable file");
        }
    }

    /** Analyses the whole video and writes the lines; the output file is replaced. */
    public static Summary run(Options options) throws InvalidConfigException, IOException, UsageException {
        CameraConfig config = CameraConfigReader.read(options.camera());
        long started = System.nanoTime();
        long frames = 0;
        long stats = 0;
        long events = 0;
        double last = -1;
        try (FFmpegFrameGrabber grabber = open(options.video());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             BufferedWriter w = Files.newBufferedWriter(options.out());
             CameraAnalytics analytics = new CameraAnalytics(config, grabber.getImageWidth(), grabber.getImageHeight())) {
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
            long firstTimestamp = Long.MIN_VALUE;
            while (true) {
                List<AnalyticsOutput> outputs;
                try (PointerScope scope = new PointerScope()) {
                    Frame frame = grabber.grabImage();
                    if (frame == null) {
                        break;
                    }
                    if (firstTimestamp == Long.MIN_VALUE) {
                        firstTimestamp = frame.timestamp;
                    }
                    // The container's time stamps where they increase, else the nominal frame rate.
                    double t = (frame.timestamp - firstTimestamp) / 1e6;
                    if (t <= last) {
                        t = last + 1 / fps;
                    }
                    last = t;
                    Mat mat = converter.convert(frame);
                    outputs = analytics.process(mat, t);
                    frames++;
                }
                for (AnalyticsOutput o : outputs) {
                    write(w, o);
                    if (o instanceof IntervalStats) {
                        stats++;
                    } else {
                        events++;
                    }
                }
            }
            for (AnalyticsOutput o : analytics.finish()) {
                write(w, o);
                stats++;
            }
        }
        return new Summary(frames, stats, events, Math.max(0, last), (System.nanoTime() - started) / 1e9);
    }

    private static FFmpegFrameGrabber open(Path video) throws UsageException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        // One decoding thread: on the edge box the cores are shared with the analytics.
        grabber.setVideoOption("threads", "1");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception ignored) {
                // already failing; the first error is the one to tell
            }
            throw new UsageException("--video: " + video + " cannot be decoded: " + e.getMessage());
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            throw new UsageException("--video: " + video + " has no video stream");
        }
        return grabber;
    }

    private static void write(BufferedWriter w, AnalyticsOutput o) throws IOException {
        w.write(JSON.writeValueAsString(toJson(o)));
        w.newLine();
    }

    /** One output as its JSON line. */
    public static ObjectNode toJson(AnalyticsOutput o) {
        ObjectNode n = JSON.createObjectNode();
        if (o instanceof IntervalStats s) {
            n.put("kind", "stats");
            n.put("videoTime", round(s.end()));
            n.put("start", round(s.start()));
            n.put("end", round(s.end()));
            n.put("partial", s.partial());
            ArrayNode counts = n.putArray("counts");
            for (IntervalStats.LineCount c : s.counts()) {
                counts.addObject().put("line", c.line()).put("direction", c.direction()).put("vehicles", c.vehicles());
            }
            ArrayNode lanes = n.putArray("lanes");
            for (IntervalStats.LaneStats l : s.lanes()) {
                ObjectNode lane = lanes.addObject().put("lane", l.lane()).put("occupancy", l.occupancy()).put("present", l.present());
                if (l.speedKmh() == null) {
                    lane.putNull("speedKmh");
                } else {
                    lane.put("speedKmh", l.speedKmh());
                }
                lane.put("queueM", l.queueM()).put("stopped", l.stopped());
            }
            IntervalStats.Health h = s.health();
            n.putObject("health").put("brightness", h.brightness()).put("sharpness", h.sharpness())
                    .put("frozen", h.frozen()).put("fps", h.fps());
        } else if (o instanceof AnalyticsEvent e) {
            n.put("kind", "event");
            n.put("videoTime", round(e.seconds()));
            n.put("type", e.type().name());
            n.put("state", e.start() ? "start" : "end");
            if (e.objectId() != null) {
                n.put("objectId", e.objectId());
            }
            if (e.zone() != null) {
                n.put("zone", e.zone());
            }
            if (e.reason() != null) {
                n.put("reason", e.reason());
            }
        }
        return n;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
