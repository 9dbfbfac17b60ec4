package vn.ioc.console.camera;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest frame of each camera, bounded in count and frame size, so a flood of cameras or a
 * broken agent cannot exhaust memory. Frames arrive on the MQTT callback thread; storing one is
 * a map update, never slow.
 */
@Component
public class FrameCache {

    private static final Logger log = LoggerFactory.getLogger(FrameCache.class);

    private final CameraProperties limits;
    private final Map<String, Frame> frames;

    public FrameCache(CameraProperties limits) {
        this.limits = limits;
        // insertion order with re-insertion on update: the eldest entry is the camera heard from longest ago
        this.frames = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Frame> eldest) {
                return size() > limits.maxCameras();
            }
        };
    }

    /** Keeps an operators-only frame; an empty payload (a cleared retained message) forgets the camera. */
    public void put(String site, String camera, byte[] jpeg, Instant receivedAt) {
        put(site, camera, jpeg, receivedAt, false);
    }

    /** Keeps the frame, public or for operators only; an empty payload forgets the camera. */
    public void put(String site, String camera, byte[] jpeg, Instant receivedAt, boolean isPublic) {
        String key = key(site, camera);
        if (jpeg.length > limits.maxFrameBytes()) {
            log.warn("Ignoring a {}-byte frame from camera {}: more than the {} bytes allowed", jpeg.length, key, limits.maxFrameBytes());
            return;
        }
        synchronized (frames) {
            frames.remove(key);
            if (jpeg.length > 0) {
                frames.put(key, new Frame(jpeg, receivedAt, isPublic));
            }
        }
    }

    public Optional<Frame> latest(String site, String camera) {
        synchronized (frames) {
            return Optional.ofNullable(frames.get(key(site, camera)));
        }
    }

    /** The latest frame if it came on the camera's public topic: what citizens may see. */
    public Optional<Frame> latestPublic(String site, String camera) {
        return latest(site, camera).filter(Frame::isPublic);
    }

    private static String key(String site, String camera) {
        return site + "/" + camera;
    }
}
