package vn.ioc.ingest.contract;

/**
 * A message that does not follow the wire contract. The message says what was expected
 * and what was found, so that a dead-letter record or a log line tells the device's
 * maintainer what to fix.
 */
public final class InvalidMessageException extends Exception {

    public InvalidMessageException(String reason) {
        super(reason);
    }

    public InvalidMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public static InvalidMessageException expected(String what, Object butWas) {
        return new InvalidMessageException("expected " + what + " but was " + butWas);
    }
}
