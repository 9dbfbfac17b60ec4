package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class CountingLineTest {

    /** A horizontal line at y = 100 from x = 0 to 200; image y grows downwards. */
    private static CountingLine line(Map<String, double[]> directions) {
        return new CountingLine("l", new Coordinate(0, 100), new Coordinate(200, 100), directions);
    }

    private static Map<String, double[]> both() {
        Map<String, double[]> d = new LinkedHashMap<>();
        d.put("down", new double[] {0, 1});
        d.put("up", new double[] {0, -1});
        return d;
    }

    @Test
    void crossingIsNamedByTheDirectionItGoes() {
        CountingLine l = line(both());
        assertThat(l.crossing(new Coordinate(50, 90), new Coordinate(52, 110))).contains("down");
        assertThat(l.crossing(new Coordinate(50, 110), new Coordinate(48, 90))).contains("up");
    }

    @Test
    void moveThatStaysOnOneSideOrPassesBesideTheLineDoesNotCross() {
        CountingLine l = line(both());
        assertThat(l.crossing(new Coordinate(50, 80), new Coordinate(50, 99))).isEmpty();
        assertThat(l.crossing(new Coordinate(250, 90), new Coordinate(250, 110))).isEmpty();
    }

    @Test
    void endingOnTheLineCrossesWithTheNextMoveOnly() {
        CountingLine l = line(both());
        assertThat(l.crossing(new Coordinate(50, 90), new Coordinate(50, 100))).isEmpty();
        assertThat(l.crossing(new Coordinate(50, 100), new Coordinate(50, 110))).isEmpty();
    }

    @Test
    void directionWithoutANameIsNotCounted() {
        CountingLine l = line(Map.of("down", new double[] {0.3, 1}));
        assertThat(l.directions()).containsExactly("down");
        assertThat(l.crossing(new Coordinate(50, 110), new Coordinate(50, 90))).isEmpty();
        assertThat(l.crossing(new Coordinate(50, 90), new Coordinate(50, 110))).contains("down");
    }

    @Test
    void directionAlongTheLineOrTwoTheSameWayAreRefused() {
        assertThatThrownBy(() -> line(Map.of("along", new double[] {1, 0})))
                .hasMessageContaining("runs along the line");
        Map<String, double[]> same = new LinkedHashMap<>();
        same.put("a", new double[] {0, 1});
        same.put("b", new double[] {1, 1});
        assertThatThrownBy(() -> line(same)).hasMessageContaining("cross the same way");
    }
}
