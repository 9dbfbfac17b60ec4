package vn.ioc.console.camera;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCacheTest {

    private static final Instant T = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void keepsOnlyTheLatestFrameOfEachCamera() {
        FrameCache cache = new FrameCache(new CameraProperties(10, 100));
        cache.put("s1", "c1", new byte[] {1}, T);
        cache.put("s1", "c1", new byte[] {2}, T.plusSeconds(1));

        assertThat(cache.latest("s1", "c1")).hasValueSatisfying(f -> {
            assertThat(f.jpeg()).containsExactly(2);
            assertThat(f.receivedAt()).isEqualTo(T.plusSeconds(1));
        });
    }

    @Test
    void forgetsTheCameraHeardFromLongestAgoWhenFull() {
        FrameCache cache = new FrameCache(new CameraProperties(2, 100));
        cache.put("s1", "old", new byte[] {1}, T);
        cache.put("s1", "middle", new byte[] {1}, T);
        cache.put("s1", "old", new byte[] {2}, T.plusSeconds(1));
        cache.put("s1", "new", new byte[] {1}, T.plusSeconds(2));

        assertThat(cache.latest("s1", "middle")).isEmpty();
        assertThat(cache.latest("s1", "old")).isPresent();
        assertThat(cache.latest("s1", "new")).isPresent();
    }

    @Test
    void ignoresAFrameLargerThanAllowed() {
        FrameCache cache = new FrameCache(new CameraProperties(10, 4));
        cache.put("s1", "c1", new byte[] {1, 2, 3}, T);
        cache.put("s1", "c1", new byte[] {1, 2, 3, 4, 5}, T.plusSeconds(1));

        assertThat(cache.latest("s1", "c1")).hasValueSatisfying(f -> assertThat(f.jpeg()).hasSize(3));
    }

    @Test
    void anEmptyRetainedMessageForgetsTheCamera() {
        FrameCache cache = new FrameCache(new CameraProperties(10, 100));
        cache.put("s1", "c1", new byte[] {1}, T);
        cache.put("s1", "c1", new byte[0], T.plusSeconds(1));

        assertThat(cache.latest("s1", "c1")).isEmpty();
    }
}
