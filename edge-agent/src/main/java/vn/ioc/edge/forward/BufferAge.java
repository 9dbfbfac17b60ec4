package vn.ioc.edge.forward;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * When the records still in the buffer were appended, to within a second, so that the age of
 * the oldest one (how far behind the broker the agent is) can be told without reading the
 * files. One mark per second of appending: a day-long outage costs 86,400 small marks. Records
 * found on disk at startup count from the moment the buffer was opened.
 */
final class BufferAge {

    private static final long STEP_NANOS = 1_000_000_000L;

    /** {first seq appended since the mark, System.nanoTime() of that append}, oldest first. */
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();

    void appended(long seq, long nanoTime) {
        long[] last = marks.peekLast();
        if (last == null || nanoTime - last[1] >= STEP_NANOS) {
            marks.addLast(new long[] {seq, nanoTime});
        }
    }

    /** Forgets the marks of records delivered up to {@code delivered}; all of them when nothing is left. */
    void delivered(long delivered, long depth) {
        if (depth == 0) {
            marks.clear();
            return;
        }
        // the first mark stays while the oldest undelivered record (delivered + 1) may be one of its records
        while (marks.size() > 1) {
            Iterator<long[]> it = marks.iterator();
            it.next();
            if (it.next()[0] > delivered + 1) {
                break;
            }
            marks.removeFirst();
        }
    }

    /** Nanoseconds since the oldest undelivered record was appended (at most a second more); 0 when none is. */
    long oldestNanos(long nanoTime) {
        long[] first = marks.peekFirst();
        return first == null ? 0 : Math.max(0, nanoTime - first[1]);
    }
}
