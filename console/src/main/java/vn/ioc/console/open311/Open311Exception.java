package vn.ioc.console.open311;

import org.springframework.http.HttpStatus;

/** An Open311 error answer: the HTTP status and the spec's error description. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final Long retryAfterSeconds;

    Open311Exception(HttpStatus status, String description) {
        this(status, description, null);
    }

    private Open311Exception(HttpStatus status, String description, Long retryAfterSeconds) {
        super(description);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Open311Exception rateLimited(long retryAfterSeconds) {
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS,
                "too many requests from this client; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    HttpStatus status() {
        return status;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
