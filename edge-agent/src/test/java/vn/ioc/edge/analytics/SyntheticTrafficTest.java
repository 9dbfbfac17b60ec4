package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.edge.AnalyzeCommand;

/**
 * Draws a road scene with objects of known path and timing, records it losslessly, runs the analyze
 * command on it and checks what came out against what was drawn.
 */
class SyntheticTrafficTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final int FPS = 25;
    private static final double SECONDS = 25;
    private static final double SPEED = 100; // px/s

    /** The east lane (y 60-110) runs left to right, the west lane (y 130-180) right to left. */
    private static final String CONFIG = """
            camera: synthetic
            statsIntervalSeconds: 10
            analysis:
              width: 320
              minBlobArea: 150
              backgroundSeconds: 20
            lanes:
              - id: east
                polygon: [[0, 60], [320, 60], [320, 110], [0, 110]]
                path: [[0, 85], [320, 85]]
              - id: west
                polygon: [[0, 130], [320, 130], [320, 180], [0, 180]]
                path: [[320, 155], [0, 155]]
            lines:
              - id: middle
                from: [160, 40]
                to: [160, 200]
                directions:
                  east: [1, 0]
                  west: [-1, 0]
            zones:
              - id: bus-stop
                kind: no-stopping
                polygon: [[200, 60], [290, 60], [290, 110], [200, 110]]
                maxStopSeconds: 2
              - id: tracks
                kind: keep-clear
                polygon: [[100, 195], [220, 195], [220, 240], [100, 240]]
                minSeconds: 0.5
                clearSeconds: 1
            """;

    /** One drawn object: where it is (top-left of a 30×18 box) at a time, or null when out of view. */
    private interface Mover {
        double[] at(double t);
    }

    private static Mover drive(double start, double y, double fromX, double direction) {
        return t -> {
            double x = fromX + direction * SPEED * (t - start);
            return t < start || x < -40 || x > W + 10 ? null : new double[] {x, y};
        };
    }

    // Normal traffic: two east, two west, apart in time.
    private static final Mover EAST_1 = drive(1, 76, -35, 1);
    private static final Mover EAST_2 = drive(4.5, 76, -35, 1);
    private static final Mover WEST_1 = drive(2, 146, W, -1);
    private static final Mover WEST_2 = drive(6, 146, W, -1);
    /** Enters at 9 s, stops in the bus stop at x = 235 from STOP_AT to STOP_AT + 5, then drives on. */
    private static final double STOP_AT = 9 + (235 + 35) / SPEED;
    private static final Mover STALLER = t -> {
        if (t < 9) {
            return null;
        }
        double x = t < STOP_AT ? -35 + SPEED * (t - 9) : t < STOP_AT + 5 ? 235 : 235 + SPEED * (t - STOP_AT - 5);
        return x > W + 10 ? null : new double[] {x, 76};
    };
    /** Drives west in the east lane from 19.5 s. */
    private static final Mover WRONG_WAY = drive(19.5, 76, W, -1);
    /** Someone in light clothes walks onto the tracks at 3 s, stays 3 s moving slowly, and is gone. */
    private static final Mover WALKER = t -> t < 3 || t > 6 ? null : new double[] {110 + 30 * (t - 3), 205 + 20 * Math.sin(t * 3)};

    /** What the analysis wrote, per background model: the same scene must give the same facts with either. */
    private static final java.util.Map<String, List<JsonNode>> LINES = new java.util.HashMap<>();

    @BeforeAll
    static void analyse(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("scene.mkv");
        record(video);
        for (String background : new String[] {"mixture", "average"}) {
            Path camera = dir.resolve(background + ".yaml");
            Files.writeString(camera, CONFIG.replace("analysis:\n", "analysis:\n  background: " + background + "\n"));
            Path out = dir.resolve(background + ".jsonl");
            AnalyzeCommand.run(new AnalyzeCommand.Options(video, camera, out));
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                lines.add(json.readTree(line));
            }
            LINES.put(background, lines);
        }
    }

    private static void record(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Random random = new Random(42);
        try (Mat background = new Mat(H, W, opencv_core.CV_8UC3);
             Mat frame = new Mat(H, W, opencv_core.CV_8UC3);
             Mat noise = new Mat(H, W, opencv_core.CV_8UC3);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), W, H)) {
            // Asphalt: a fixed grain, so the background has texture, plus fresh sensor noise each frame.
            try (UByteIndexer ix = background.createIndexer()) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int v = 110 + random.nextInt(40);
                        ix.put(y, x, 0, v);
                        ix.put(y, x, 1, v);
                        ix.put(y, x, 2, v);
                    }
                }
            }
            opencv_imgproc.line(background, new Point(0, 120), new Point(W, 120), new Scalar(230, 230, 230, 0));
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(FPS);
            recorder.start();
            Mover[] movers = {EAST_1, EAST_2, WEST_1, WEST_2, STALLER, WRONG_WAY};
            for (int i = 0; i < SECONDS * FPS; i++) {
                double t = (double) i / FPS;
                background.copyTo(frame);
                for (Mover m : movers) {
                    double[] p = m.at(t);
                    if (p != null) {
                        vehicle(frame, p[0], p[1]);
                    }
                }
                double[] w = WALKER.at(t);
                if (w != null) {
                    opencv_imgproc.rectangle(frame, new Point((int) w[0], (int) w[1]), new Point((int) w[0] + 10, (int) w[1] + 22),
                            new Scalar(225, 215, 230, 0), opencv_imgproc.FILLED, 8, 0);
                }
                opencv_core.randn(noise, new Mat(new double[] {0, 0, 0}), new Mat(new double[] {3, 3, 3}));
                opencv_core.add(frame, noise, frame);
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        }
    }

    private static void vehicle(Mat frame, double x, double y) {
        int x0 = (int) Math.round(x);
        int y0 = (int) Math.round(y);
        opencv_imgproc.rectangle(frame, new Point(x0, y0), new Point(x0 + 30, y0 + 18), new Scalar(40, 40, 40, 0), opencv_imgproc.FILLED, 8, 0);
        opencv_imgproc.rectangle(frame, new Point(x0 + 8, y0 + 3), new Point(x0 + 20, y0 + 15), new Scalar(200, 200, 210, 0), opencv_imgproc.FILLED, 8, 0);
    }

    private static int count(String background, String direction) {
        int n = 0;
        for (JsonNode l : LINES.get(background)) {
            if (l.get("kind").stringValue().equals("stats")) {
                for (JsonNode c : l.get("counts")) {
                    if (c.get("line").stringValue().equals("middle") && c.get("direction").stringValue().equals(direction)) {
                        n += c.get("vehicles").intValue();
                    }
                }
            }
        }
        return n;
    }

    private static List<JsonNode> events(String background, String type) {
        return LINES.get(background).stream().filter(l -> l.get("kind").stringValue().equals("event") && l.get("type").stringValue().equals(type)).toList();
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void countsEachVehicleOncePerDirection(String background) {
        // east: two normal vehicles and the one that stalls; west: two normal ones and the wrong-way driver
        assertThat(count(background, "east")).isEqualTo(3);
        assertThat(count(background, "west")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void statisticsComeEveryIntervalAndTheLastOneIsPartial(String background) {
        List<JsonNode> stats = LINES.get(background).stream().filter(l -> l.get("kind").stringValue().equals("stats")).toList();
        assertThat(stats).extracting(s -> s.get("videoTime").doubleValue()).containsExactly(10.0, 20.0, 25.0); // the last frame at 24.96 s lasts until 25 s
        assertThat(stats).extracting(s -> s.get("partial").booleanValue()).containsExactly(false, false, true);
        JsonNode health = stats.get(0).get("health");
        assertThat(health.get("fps").doubleValue()).isCloseTo(25, org.assertj.core.data.Offset.offset(0.5));
        assertThat(health.get("frozen").booleanValue()).isFalse();
        // the east lane saw the stalled vehicle stand still; nothing is calibrated, so no speed
        JsonNode east = stats.get(1).get("lanes").get(0);
        assertThat(east.get("lane").stringValue()).isEqualTo("east");
        assertThat(east.get("stopped").intValue()).isEqualTo(1);
        assertThat(east.get("speedKmh").isNull()).isTrue();
        assertThat(east.get("queueM").doubleValue()).isEqualTo(7.0);
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void stalledVehicleIsReportedOnceWithinItsTimeBoundAndClearedWhenItLeaves(String background) {
        List<JsonNode> stalls = events(background, "STALLED_VEHICLE");
        assertThat(stalls).extracting(e -> e.get("state").stringValue()).containsExactly("start", "end");
        JsonNode start = stalls.get(0);
        assertThat(start.get("zone").stringValue()).isEqualTo("bus-stop");
        // still for more than 2 s: reported between 2 s after it stopped and a second later
        assertThat(start.get("videoTime").doubleValue()).isBetween(STOP_AT + 2, STOP_AT + 3.5);
        JsonNode end = stalls.get(1);
        assertThat(end.get("objectId").stringValue()).isEqualTo(start.get("objectId").stringValue());
        assertThat(end.get("videoTime").doubleValue()).isBetween(STOP_AT + 5, STOP_AT + 7);
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void wrongWayDriverIsReportedOnceInItsLane(String background) {
        List<JsonNode> starts = events(background, "WRONG_WAY").stream().filter(e -> e.get("state").stringValue().equals("start")).toList();
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).get("zone").stringValue()).isEqualTo("east");
        assertThat(starts.get(0).get("videoTime").doubleValue()).isBetween(19.5, 22.0);
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void someoneOnTheTracksIsAnIntrusionUntilTheyLeave(String background) {
        List<JsonNode> intrusions = events(background, "ZONE_INTRUSION");
        assertThat(intrusions).extracting(e -> e.get("state").stringValue()).containsExactly("start", "end");
        assertThat(intrusions.get(0).get("zone").stringValue()).isEqualTo("tracks");
        assertThat(intrusions.get(0).get("videoTime").doubleValue()).isBetween(3.0, 4.5);
        assertThat(intrusions.get(1).get("videoTime").doubleValue()).isBetween(6.0, 8.0);
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void normalTrafficRaisesNoEvents(String background) {
        // every event is about the staller, the wrong-way driver or the walker: nothing else
        assertThat(LINES.get(background).stream().filter(l -> l.get("kind").stringValue().equals("event")))
                .extracting(e -> e.get("type").stringValue())
                .containsExactlyInAnyOrder("ZONE_INTRUSION", "ZONE_INTRUSION", "STALLED_VEHICLE", "STALLED_VEHICLE",
                        "WRONG_WAY", "WRONG_WAY");
    }
}
