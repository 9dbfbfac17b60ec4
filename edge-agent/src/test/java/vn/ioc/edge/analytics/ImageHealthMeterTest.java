package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class ImageHealthMeterTest {

    @Test
    void anIntervalIsFrozenWhenNoFrameDiffersFromItsFirstAndEachIntervalIsJudgedAlone() {
        try (ImageHealthMeter meter = new ImageHealthMeter();
             Scalar grey = new Scalar(100);
             Scalar lighter = new Scalar(140);
             Mat still = new Mat(90, 160, opencv_core.CV_8UC1, grey);
             Mat moved = new Mat(90, 160, opencv_core.CV_8UC1, lighter)) {
            for (int i = 0; i < 10; i++) {
                meter.frame(still, i * 0.1);
            }
            IntervalStats.Health first = meter.take(1);
            assertThat(first.frozen()).isTrue();
            assertThat(first.brightness()).isEqualTo(Math.round(100 / 255.0 * 1000) / 1000.0);

            for (int i = 10; i < 20; i++) {
                meter.frame(i == 15 ? moved : still, i * 0.1);
            }
            assertThat(meter.take(1).frozen()).as("one frame in ten changed").isFalse();

            // the picture stays on the changed frame: frozen again, judged against this interval's first
            for (int i = 20; i < 30; i++) {
                meter.frame(moved, i * 0.1);
            }
            IntervalStats.Health third = meter.take(1);
            assertThat(third.frozen()).isTrue();
            assertThat(third.fps()).isEqualTo(10);
        }
    }
}
