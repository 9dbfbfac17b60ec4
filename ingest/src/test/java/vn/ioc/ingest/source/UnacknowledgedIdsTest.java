package vn.ioc.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnacknowledgedIdsTest {

    private final UnacknowledgedIds ids = new UnacknowledgedIds();

    @Test
    void redeliveryOfAMessageStillHeldIsRecognised() {
        assertThat(ids.arrived(7)).isTrue();
        assertThat(ids.arrived(7)).as("the broker sent 7 again after a reconnect").isFalse();
    }

    /**
     * HiveMQ reuses a packet id as soon as it has the PUBACK; the next message with that id can
     * arrive on Paho's thread before the acknowledging thread returns. It is new and must be
     * taken; dropping it leaves it unacknowledged and stalls the session.
     */
    @Test
    void idReusedByTheBrokerRightAfterTheAcknowledgementIsANewMessage() throws Exception {
        List<Boolean> reusedArrivalWasNew = new ArrayList<>();
        ids.arrived(1);
        ids.acknowledge(1, id -> reusedArrivalWasNew.add(ids.arrived(id)));
        assertThat(reusedArrivalWasNew).containsExactly(true);
        assertThat(ids.size()).as("the new message with id 1 is held").isEqualTo(1);
    }

    @Test
    void acknowledgedIdsAreForgotten() throws Exception {
        ids.arrived(1);
        ids.arrived(2);
        ids.acknowledge(1, id -> { });
        ids.acknowledge(2, id -> { });
        assertThat(ids.size()).isZero();
    }
}
