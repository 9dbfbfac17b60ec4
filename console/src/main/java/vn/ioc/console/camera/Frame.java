package vn.ioc.console.camera;

import java.time.Instant;

/** A privacy-filtered JPEG as the edge agent published it, and when the console received it. */
public record Frame(byte[] jpeg, Instant receivedAt) {
}
