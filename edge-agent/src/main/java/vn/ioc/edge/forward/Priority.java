package vn.ioc.edge.forward;

/**
 * How expendable a message is when the disk buffer is full. The buffer drops the oldest
 * {@link #STATISTICS} first, then the oldest {@link #READING}s, and never an {@link #EVENT}.
 * The code is what the buffer's files store, so it must not change.
 */
public enum Priority {
    /** Camera statistics: the next interval says nearly the same, so losing old ones costs least. */
    STATISTICS(0),
    /** Sensor observations: a gap in a series, dropped only when no statistics are left to drop. */
    READING(1),
    /** Camera events (stalled vehicle, wrong way, tamper): each one may be an incident; never dropped. */
    EVENT(2);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Priority ofCode(int code) {
        for (Priority p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
