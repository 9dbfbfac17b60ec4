package vn.ioc.edge.tamper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class TamperDetectorTest {

    @Test
    void colourOrEmptyFramesAreRefused() {
        try (TamperDetector detector = new TamperDetector();
             Mat colour = new Mat(90, 160, CV_8UC3, new Scalar(1, 2, 3, 0)); Mat empty = new Mat()) {
            assertThatThrownBy(() -> detector.update(colour, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("single-channel");
            assertThatThrownBy(() -> detector.update(empty, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void clockGoingBackwardsRestartsTheHoldsInsteadOfFailing() {
        try (TamperDetector detector = new TamperDetector(); Mat black = new Mat(90, 160, CV_8UC1, new Scalar(2))) {
            assertThat(detector.update(black, 30.0)).isEmpty();
            assertThat(detector.update(black, 31.5)).isEmpty();
            // a looping replay starts again at 0: the 1.5 s already held do not count
            assertThat(detector.update(black, 0.0)).isEmpty();
            assertThat(detector.update(black, 1.0)).isEmpty();
            assertThat(detector.update(black, 2.0)).containsExactly(new TamperChange(TamperReason.BLACKOUT, true, 2.0));
            assertThatThrownBy(() -> detector.update(black, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
        }
    }

    @Test
    void darkPictureIsNotAlsoReportedFrozenOrBlurred() {
        try (TamperDetector detector = new TamperDetector();
             Mat texture = new Mat(90, 160, CV_8UC1); Mat black = new Mat(90, 160, CV_8UC1, new Scalar(4))) {
            var changes = new java.util.ArrayList<TamperChange>();
            for (int i = 0; i < 100; i++) {
                randu(texture, new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0)),
                        new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(255)));
                changes.addAll(detector.update(texture, i * 0.1));
            }
            for (int i = 100; i < 400; i++) {
                changes.addAll(detector.update(black, i * 0.1));
            }
            assertThat(changes).extracting(TamperChange::reason).containsExactly(TamperReason.BLACKOUT);
            assertThat(changes.get(0).started()).isTrue();
            assertThat(changes.get(0).seconds()).isBetween(12.0, 12.2);
        }
    }

    @Test
    void settingsOutOfRangeAreRefusedByName() {
        TamperSettings d = TamperSettings.defaults();
        assertThatThrownBy(() -> new TamperSettings(d.analysisWidth(), d.blackoutMaxMean(), d.blackoutMaxDeviation(),
                d.blackoutStartSeconds(), d.blackoutEndSeconds(), d.frozenPixelTolerance(), d.frozenMaxChangedShare(),
                d.frozenStartSeconds(), d.frozenEndSeconds(), 1.5, d.blurStartSeconds(), d.blurEndSeconds(),
                d.sceneMinMatch(), d.sceneStartSeconds(), d.sceneEndSeconds(), d.baselineSeconds(), d.warmupSeconds()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blurRatio").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new TamperSettings(d.analysisWidth(), d.blackoutMaxMean(), d.blackoutMaxDeviation(),
                -1, d.blackoutEndSeconds(), d.frozenPixelTolerance(), d.frozenMaxChangedShare(),
                d.frozenStartSeconds(), d.frozenEndSeconds(), d.blurRatio(), d.blurStartSeconds(), d.blurEndSeconds(),
                d.sceneMinMatch(), d.sceneStartSeconds(), d.sceneEndSeconds(), d.baselineSeconds(), d.warmupSeconds()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blackoutStartSeconds");
    }
}
