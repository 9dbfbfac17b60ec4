package vn.ioc.edge.tamper;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ioc.edge.tamper.ConditionTimer.Step.ENDED;
import static vn.ioc.edge.tamper.ConditionTimer.Step.NONE;
import static vn.ioc.edge.tamper.ConditionTimer.Step.STARTED;

import org.junit.jupiter.api.Test;

class ConditionTimerTest {

    @Test
    void startsOnceTheConditionHasLastedItsHoldTimeAndEndsOnceAfterItsOwn() {
        ConditionTimer timer = new ConditionTimer(2, 1);
        assertThat(timer.update(true, 10.0)).isEqualTo(NONE);
        assertThat(timer.update(true, 11.9)).isEqualTo(NONE);
        assertThat(timer.update(true, 12.0)).isEqualTo(STARTED);
        assertThat(timer.update(true, 20.0)).isEqualTo(NONE);
        assertThat(timer.update(false, 21.0)).isEqualTo(NONE);
        assertThat(timer.update(false, 21.5)).isEqualTo(NONE);
        assertThat(timer.update(false, 22.0)).isEqualTo(ENDED);
        assertThat(timer.update(false, 30.0)).isEqualTo(NONE);
        assertThat(timer.active()).isFalse();
    }

    @Test
    void flickeringConditionNeitherStartsNorEnds() {
        ConditionTimer timer = new ConditionTimer(2, 2);
        for (double t = 0; t < 10; t += 1.5) {
            assertThat(timer.update(true, t)).isEqualTo(NONE);
            assertThat(timer.update(false, t + 0.5)).isEqualTo(NONE);
        }
        assertThat(timer.update(true, 10)).isEqualTo(NONE);
        assertThat(timer.update(true, 12)).isEqualTo(STARTED);
        for (double t = 13; t < 20; t += 1.5) {
            assertThat(timer.update(false, t)).isEqualTo(NONE);
            assertThat(timer.update(true, t + 0.5)).isEqualTo(NONE);
        }
        assertThat(timer.active()).isTrue();
    }

    @Test
    void undecidedFrameForgetsHowLongTheConditionHadHeld() {
        ConditionTimer timer = new ConditionTimer(2, 2);
        timer.update(true, 0);
        timer.undecided();
        assertThat(timer.update(true, 2.5)).isEqualTo(NONE);
        assertThat(timer.update(true, 4.5)).isEqualTo(STARTED);
    }
}
