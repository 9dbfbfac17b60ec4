package vn.ioc.ingest.contract;

import java.time.Instant;

/**
 * Turns one kind of message into its payload and back. Decoding is given the topic it
 * arrived on (the topic names the site and device) and the time it arrived (to refuse
 * clocks far ahead); it throws a checked exception the caller must route somewhere.
 */
public interface Codec<T> {

    T decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException;

    byte[] encode(T message);
}
