package vn.ioc.console.camera;

import java.time.Instant;

/**
 * A privacy-filtered JPEG as the edge agent published it, and when the console received it.
 *
 * @param isPublic whether it came on the camera's public topic; frames of cameras for operators
 *                 only come on the {@code ops} topic and are never shown to citizens
 */
public record Frame(byte[] jpeg, Instant receivedAt, boolean isPublic) {
}
