package vn.ioc.edge.tamper;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ioc.edge.tamper.TamperedClip.BLACK_FROM;
import static vn.ioc.edge.tamper.TamperedClip.BLACK_TO;
import static vn.ioc.edge.tamper.TamperedClip.BLUR_FROM;
import static vn.ioc.edge.tamper.TamperedClip.BLUR_TO;
import static vn.ioc.edge.tamper.TamperedClip.FROZEN_FROM;
import static vn.ioc.edge.tamper.TamperedClip.FROZEN_TO;
import static vn.ioc.edge.tamper.TamperedClip.TURNED_FROM;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on recorded video: a synthetic street with one stretch of each kind of tampering, and
 * real traffic footage where nothing is wrong.
 */
class TamperDetectorVideoTest {

    private static final TamperSettings SETTINGS = TamperSettings.defaults();

    @TempDir
    Path dir;

    @Test
    void eachTamperingStartsWithinItsHoldTimeAndEndsAfterItStopsAtAnyFrameRate() throws Exception {
        Path clip = TamperedClip.record(dir.resolve("street.avi"));
        List<TamperChange> everyFrame = new ArrayList<>();
        List<TamperChange> everyOtherFrame = new ArrayList<>();
        // as the camera analytics look: every 0.4 s (the clip has ten frames a second)
        List<TamperChange> everyFourthFrame = new ArrayList<>();
        int[] frame = {0};
        try (TamperDetector full = new TamperDetector(); TamperDetector half = new TamperDetector();
             TamperDetector fourth = new TamperDetector()) {
            TamperVideo.eachGreyFrame(clip.toString(), (grey, seconds) -> {
                everyFrame.addAll(full.update(grey, seconds));
                if (frame[0] % 2 == 0) {
                    everyOtherFrame.addAll(half.update(grey, seconds));
                }
                if (frame[0] % 4 == 0) {
                    everyFourthFrame.addAll(fourth.update(grey, seconds));
                }
                frame[0]++;
            });
        }
        assertTimeline(everyFrame, 1 / TamperedClip.FPS);
        assertTimeline(everyOtherFrame, 2 / TamperedClip.FPS);
        assertTimeline(everyFourthFrame, 4 / TamperedClip.FPS);
    }

    private static void assertTimeline(List<TamperChange> changes, double frameTime) {
        assertThat(changes).as("changes at a frame every %s s", frameTime)
                .extracting(c -> c.reason() + (c.started() ? " start" : " end"))
                .containsExactly("BLACKOUT start", "BLACKOUT end", "FROZEN start", "FROZEN end",
                        "BLUR start", "BLUR end", "SCENE_CHANGE start", "SCENE_CHANGE end");
        double slack = frameTime + 0.2;
        assertWithin(changes.get(0), BLACK_FROM + SETTINGS.blackoutStartSeconds(), slack);
        assertWithin(changes.get(1), BLACK_TO + SETTINGS.blackoutEndSeconds(), slack);
        // the first frozen frame still differs from the one before it, so stillness counts from the next
        assertWithin(changes.get(2), FROZEN_FROM + SETTINGS.frozenStartSeconds(), slack + frameTime);
        assertWithin(changes.get(3), FROZEN_TO + SETTINGS.frozenEndSeconds(), slack);
        assertWithin(changes.get(4), BLUR_FROM + SETTINGS.blurStartSeconds(), slack);
        assertWithin(changes.get(5), BLUR_TO + SETTINGS.blurEndSeconds(), slack);
        assertWithin(changes.get(6), TURNED_FROM + SETTINGS.sceneStartSeconds(), slack);
        // the new scene is learned for the warm-up, then must match for the end hold
        assertWithin(changes.get(7), changes.get(6).seconds() + SETTINGS.warmupSeconds() + SETTINGS.sceneEndSeconds(), slack);
    }

    private static void assertWithin(TamperChange change, double expected, double slack) {
        assertThat(change.seconds()).as("%s, expected at %s s", change, expected).isBetween(expected - 0.01, expected + slack);
    }

    @Test
    void ordinaryStreetFootageRaisesNothing() throws Exception {
        URL clip = getClass().getResource("/replay/video/street-2lane.mp4");
        try (TamperDetector detector = new TamperDetector()) {
            assertThat(TamperVideo.changes(Path.of(clip.toURI()).toString(), detector)).isEmpty();
        }
    }

    @Test
    void ordinaryMotorwayFootageWithItsOverlayRaisesNothing() throws Exception {
        URL clip = getClass().getResource("/analytics/motorway-cctv.avi");
        try (TamperDetector detector = new TamperDetector()) {
            assertThat(TamperVideo.changes(Path.of(clip.toURI()).toString(), detector)).isEmpty();
        }
    }
}
