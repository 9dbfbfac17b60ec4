package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import vn.ioc.edge.InvalidConfigException;

class CameraConfigReaderTest {

    private static final String LANE = """
            lanes:
              - id: north
                polygon: [[0, 0], [100, 0], [100, 200], [0, 200]]
                path: [[50, 200], [50, 0]]
            """;

    @Test
    void exampleConfigurationsAreValid() throws Exception {
        CameraConfig street = CameraConfigReader.read(Path.of("examples/street-2lane.yaml"));
        assertThat(street.lines()).singleElement().extracting(CountingLine::directions)
                .asList().containsExactly("towards-camera", "away");
        CameraConfig motorway = CameraConfigReader.read(Path.of("examples/motorway-cctv.yaml"));
        assertThat(motorway.zones()).extracting(Zone::kind).containsExactly(Zone.Kind.KEEP_CLEAR);
    }

    @Test
    void defaultsFillWhatIsNotGiven() throws Exception {
        CameraConfig c = CameraConfigReader.parse(LANE, "cam.yaml");
        assertThat(c.statsIntervalSeconds()).isEqualTo(10);
        assertThat(c.analysis()).isEqualTo(AnalysisSettings.defaults());
        assertThat(c.calibration()).isEqualTo(Calibration.NONE);
        assertThat(c.lanes().get(0).direction(new Coordinate(50, 100))).containsExactly(0, -1);
    }

    @Test
    void privacyMasksAreParsedAsPolygonsInSourcePixels() throws Exception {
        CameraConfig c = CameraConfigReader.parse("privacyMasks:\n  - [[10, 10], [60, 10], [60, 40]]\n", "cam.yaml");
        assertThat(c.privacyMasks()).singleElement().satisfies(p -> assertThat(p.getArea()).isEqualTo(750));
    }

    @Test
    void fourGroundPointsGiveAHomography() throws Exception {
        CameraConfig c = CameraConfigReader.parse("""
                calibration:
                  points:
                    - {image: [100, 100], ground: [0, 0]}
                    - {image: [200, 100], ground: [10, 0]}
                    - {image: [200, 200], ground: [10, 10]}
                    - {image: [100, 200], ground: [0, 10]}
                """, "cam.yaml");
        assertThat(c.calibration().metres(new Coordinate(100, 100), new Coordinate(200, 200)))
                .isCloseTo(Math.sqrt(200), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void errorsNameTheFileTheItemAndTheField() {
        assertThatThrownBy(() -> CameraConfigReader.parse("""
                zones:
                  - id: shoulder
                    kind: keep-out
                    polygon: [[0, 0], [10, 0], [10, 10]]
                """, "cam.yaml"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("cam.yaml, zone 'shoulder': 'kind' expected 'no-stopping' or 'keep-clear' but was 'keep-out'");
        assertThatThrownBy(() -> CameraConfigReader.parse("""
                zones:
                  - id: stop
                    kind: no-stopping
                    polygon: [[0, 0], [10, 0], [10, 10]]
                """, "cam.yaml"))
                .hasMessage("cam.yaml, zone 'stop': 'maxStopSeconds' expected a number but was missing");
        assertThatThrownBy(() -> CameraConfigReader.parse(LANE.replace("[50, 0]]", "[50, 0]]\n    speed: 3"), "cam.yaml"))
                .hasMessageStartingWith("cam.yaml, lane 'north': unknown field 'speed'");
        assertThatThrownBy(() -> CameraConfigReader.parse(LANE.replace("[100, 200], [0, 200]", "[0, 200], [100, 200]"), "cam.yaml"))
                .hasMessageContaining("cam.yaml, lane 'north', polygon: expected a simple polygon");
        assertThatThrownBy(() -> CameraConfigReader.parse("lines:\n  - {id: a, from: [0, 0], to: [10, 0], directions: {x: [1, 0]}}\n", "cam.yaml"))
                .hasMessageContaining("cam.yaml, line 'a': 'directions' expected vectors across the line");
        assertThatThrownBy(() -> CameraConfigReader.parse("lines:\n  - {id: a, from: [0], to: [10, 0], directions: {x: [0, 1]}}\n", "cam.yaml"))
                .hasMessage("cam.yaml, line 'a', from: expected a point [x, y] (source pixels) but was array [0]");
        assertThatThrownBy(() -> CameraConfigReader.parse("analysis:\n  background: median\n", "cam.yaml"))
                .hasMessage("cam.yaml, analysis: 'background' expected 'mixture' or 'average' but was 'median'");
        assertThatThrownBy(() -> CameraConfigReader.read(Path.of("no-such-camera.yaml")))
                .hasMessageStartingWith("no-such-camera.yaml: cannot be read");
    }
}
