package vn.ioc.edge.video;

import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link VideoSource} tells about its stream's health. The agent publishes a lost
 * stream as a {@code VIDEO_LOST} camera event: START on {@link #videoLost}, END on
 * {@link #videoBack}. Called on the thread that reads frames; keep it short.
 */
public interface VideoStatusListener {

    /** Ignores everything. */
    VideoStatusListener NONE = new VideoStatusListener() {
        @Override
        public void videoLost(String camera, String reason, Instant since) {
        }

        @Override
        public void videoBack(String camera, Duration gap) {
        }
    };

    /** The stream dropped (or could not be opened); called once per outage, however many reconnects fail. */
    void videoLost(String camera, String reason, Instant since);

    /** Frames come again after an outage of {@code gap}. */
    void videoBack(String camera, Duration gap);

    /** A reconnect during an outage failed; the next one is tried after {@code nextDelay}. */
    default void reconnectFailed(String camera, int attempt, String reason, Duration nextDelay) {
    }
}
