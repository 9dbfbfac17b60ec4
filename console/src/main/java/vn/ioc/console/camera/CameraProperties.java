package vn.ioc.console.camera;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Latest camera frames kept in memory ({@code ioc.camera.*}; defaults in application.yml).
 *
 * @param maxCameras    cameras remembered at most ({@code IOC_CAMERA_MAX_CAMERAS}, 500); the one updated longest ago goes first
 * @param maxFrameBytes a larger frame is ignored ({@code IOC_CAMERA_MAX_FRAME_BYTES}, 2 MiB)
 */
@ConfigurationProperties("ioc.camera")
public record CameraProperties(int maxCameras, int maxFrameBytes) {
}
