package vn.ioc.edge;

/**
 * A camera on a site, replaying a video file in a loop.
 *
 * @param isPublic        its frames are shared with citizens
 * @param framesPerSecond how many frames a second are published
 * @param analytics       the camera's analytics configuration (lanes, lines, zones); null for none
 */
public record Camera(String id, String type, boolean isPublic, DataFile video, double framesPerSecond, DataFile analytics) {
}
