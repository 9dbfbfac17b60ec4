package vn.ioc.console.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaNoticeTest {

    @Test
    void payloadReadsBackAsTheSameNotice() {
        ReplicaNotice notice = new ReplicaNotice("a1b2c3d4", ReplicaNotice.Kind.INCIDENT, "congestion:site-1/cam-1:1700000000");

        assertThat(notice.payload()).isEqualTo("a1b2c3d4 incident congestion:site-1/cam-1:1700000000");
        assertThat(ReplicaNotice.parse(notice.payload())).contains(notice);
    }

    @Test
    void idMayHoldSpaces() {
        ReplicaNotice notice = new ReplicaNotice("o", ReplicaNotice.Kind.REPORT, "an id with spaces");

        assertThat(ReplicaNotice.parse(notice.payload())).contains(notice);
    }

    @Test
    void payloadOfAnotherProgramIsNoNotice() {
        assertThat(ReplicaNotice.parse(null)).isEmpty();
        assertThat(ReplicaNotice.parse("")).isEmpty();
        assertThat(ReplicaNotice.parse("hello")).isEmpty();
        assertThat(ReplicaNotice.parse("o camera c-1")).as("unknown kind").isEmpty();
        assertThat(ReplicaNotice.parse("o incident ")).as("no id").isEmpty();
    }

    @Test
    void originWithASpaceIsRefused() {
        assertThatThrownBy(() -> new ReplicaNotice("a b", ReplicaNotice.Kind.REPORT, "X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an origin without spaces but was 'a b'");
    }
}
