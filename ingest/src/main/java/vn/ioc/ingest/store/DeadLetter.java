package vn.ioc.ingest.store;

import java.time.Instant;

/** A message that could not be used, kept whole with the reason. */
public record DeadLetter(Instant receivedAt, String topic, String site, String reason, byte[] payload) {
}
