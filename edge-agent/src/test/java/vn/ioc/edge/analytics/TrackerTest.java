package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrackerTest {

    private static final double DT = 0.04;

    private static Detection box(double x, double y) {
        return new Detection(x, y, 20, 12);
    }

    @Test
    void twoObjectsPassingEachOtherKeepTheirIds() {
        Tracker tracker = new Tracker(0.5, 0.2, 3);
        long east = -1;
        long west = -1;
        for (int i = 0; i < 50; i++) {
            double t = i * DT;
            // one drives right at y 50, the other left at y 80: close, but in different lanes
            tracker.update(List.of(box(10 + 4 * i, 50), box(210 - 4 * i, 80)), t);
            for (Track tr : tracker.tracks()) {
                if (i == 0) {
                    if (tr.box().y() == 50) {
                        east = tr.id();
                    } else {
                        west = tr.id();
                    }
                }
            }
        }
        assertThat(tracker.tracks()).hasSize(2);
        Track e = tracker.tracks().stream().filter(tr -> tr.box().y() == 50).findFirst().orElseThrow();
        assertThat(e.id()).isEqualTo(east);
        assertThat(e.vx()).isCloseTo(100, org.assertj.core.data.Offset.offset(5.0));
        assertThat(tracker.tracks().stream().filter(tr -> tr.box().y() == 80).findFirst().orElseThrow().id()).isEqualTo(west);
        assertThat(tracker.confirmed(e)).isTrue();
    }

    @Test
    void fewMissedFramesAreBridgedAndALongGapEndsTheTrack() {
        Tracker tracker = new Tracker(0.3, 0.2, 3);
        for (int i = 0; i < 10; i++) {
            tracker.update(List.of(box(10 + 5 * i, 50)), i * DT);
        }
        long id = tracker.tracks().get(0).id();
        // four frames (0.16 s) unseen, then seen again further on where its speed predicts
        for (int i = 10; i < 14; i++) {
            tracker.update(List.of(), i * DT);
        }
        tracker.update(List.of(box(10 + 5 * 14, 50)), 14 * DT);
        assertThat(tracker.tracks()).singleElement().extracting(Track::id).isEqualTo(id);
        for (int i = 15; i < 30; i++) {
            tracker.update(List.of(), i * DT);
        }
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void somethingThatNeverMovesIsNeverConfirmed() {
        Tracker tracker = new Tracker(0.3, 0.2, 3);
        for (int i = 0; i < 100; i++) {
            tracker.update(List.of(box(100 + (i % 2), 50)), i * DT);
        }
        Track ghost = tracker.tracks().get(0);
        assertThat(tracker.confirmed(ghost)).isFalse();
        assertThat(ghost.stillFor(99 * DT)).isGreaterThan(3.5);
    }
}
