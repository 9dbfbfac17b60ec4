package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.edge.AnalyzeCommand;
import vn.ioc.edge.bench.VideoBenchmark;

/** The example configurations on the real clips they were drawn for. */
class RealClipsTest {

    private static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path dir;

    /**
     * Counted by hand from one frame a second (and the frames between where two vehicles were close):
     * eight vehicles drive towards the camera in the near lane, at about 1 s (white saloon), 3 s (red),
     * 5.5 s (grey), 7.5 s (white pick-up), 10 s (white SUV), 17 s (black SUV), 20 s (black saloon) and
     * 29.5 s (grey SUV). The parked cars that leave later drive away from the camera or into the side road.
     */
    private static final int STREET_APPROACHING_BY_HAND = 8;

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void streetCountsTheApproachingVehiclesAsAPersonDoes(String background) throws Exception {
        Path video = copy("/replay/video/street-2lane.mp4", "street-2lane.mp4");
        List<JsonNode> out = analyze(video, withBackground(EXAMPLES.resolve("street-2lane.yaml"), background));
        assertThat(approaching(out)).isBetween(STREET_APPROACHING_BY_HAND - 2, STREET_APPROACHING_BY_HAND + 2);
        // ordinary traffic on the street: no wrong-way drivers, no stalls
        assertThat(out).noneMatch(l -> l.get("kind").stringValue().equals("event"));
    }

    /**
     * The same street as a 1280×720 camera (the clip scaled up and encoded again, the configuration
     * scaled with it): the same count, and still no event. A vehicle leaving at the bottom edge once
     * made a track jump to another blob and look like a wrong-way drive here.
     */
    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void streetAt720pCountsTheSameAndRaisesNothing(String background) throws Exception {
        Path small = copy("/replay/video/street-2lane.mp4", "street-2lane.mp4");
        Path video = dir.resolve("street-1280x720.mp4");
        VideoBenchmark.upscale(small, video, 1280, 720);
        Path config = dir.resolve("street-2lane-1280x720.yaml");
        VideoBenchmark.scaleConfig(EXAMPLES.resolve("street-2lane.yaml"), config, 1280 / 640.0, 720 / 352.0);
        List<JsonNode> out = analyze(video, withBackground(config, background));
        assertThat(approaching(out)).isBetween(STREET_APPROACHING_BY_HAND - 2, STREET_APPROACHING_BY_HAND + 2);
        assertThat(out).noneMatch(l -> l.get("kind").stringValue().equals("event"));
    }

    @ParameterizedTest(name = "{0} background")
    @ValueSource(strings = {"mixture", "average"})
    void motorwayCyclistOnTheHardShoulderIsAnIntrusionWhileThere(String background) throws Exception {
        Path video = copy("/analytics/motorway-cctv.avi", "motorway-cctv.avi");
        List<JsonNode> out = analyze(video, withBackground(EXAMPLES.resolve("motorway-cctv.yaml"), background));
        List<JsonNode> starts = out.stream()
                .filter(l -> l.get("kind").stringValue().equals("event") && l.get("type").stringValue().equals("ZONE_INTRUSION")
                        && l.get("state").stringValue().equals("start"))
                .toList();
        // the cyclist is on the shoulder from about 3 s to 14 s: a START in that time, and none outside it
        assertThat(starts).isNotEmpty();
        assertThat(starts).allSatisfy(s -> {
            assertThat(s.get("zone").stringValue()).isEqualTo("hard-shoulder");
            assertThat(s.get("videoTime").doubleValue()).isBetween(2.5, 14.0);
        });
        // both carriageways are counted
        int away = 0;
        int towards = 0;
        for (JsonNode l : out) {
            if (l.get("kind").stringValue().equals("stats")) {
                for (JsonNode c : l.get("counts")) {
                    if (c.get("direction").stringValue().equals("away")) {
                        away += c.get("vehicles").intValue();
                    } else {
                        towards += c.get("vehicles").intValue();
                    }
                }
            }
        }
        assertThat(away).isPositive();
        assertThat(towards).isPositive();
    }

    private static int approaching(List<JsonNode> out) {
        int approaching = 0;
        for (JsonNode l : out) {
            if (l.get("kind").stringValue().equals("stats")) {
                for (JsonNode c : l.get("counts")) {
                    if (c.get("direction").stringValue().equals("towards-camera")) {
                        approaching += c.get("vehicles").intValue();
                    }
                }
            }
        }
        return approaching;
    }

    /** The example configuration with the background model chosen. */
    private Path withBackground(Path example, String background) throws Exception {
        String yaml = Files.readString(example);
        assertThat(yaml).contains("\nanalysis:\n");
        Path copy = dir.resolve(background + "-" + example.getFileName());
        Files.writeString(copy, yaml.replace("\nanalysis:\n", "\nanalysis:\n  background: " + background + "\n"));
        return copy;
    }

    private Path copy(String resource, String name) throws Exception {
        Path target = dir.resolve(name);
        try (InputStream in = RealClipsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private List<JsonNode> analyze(Path video, Path camera) throws Exception {
        Path out = dir.resolve(video.getFileName() + ".jsonl");
        AnalyzeCommand.run(new AnalyzeCommand.Options(video, camera, out));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }
}
