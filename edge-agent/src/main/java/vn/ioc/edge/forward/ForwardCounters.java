package vn.ioc.edge.forward;

/**
 * What an agent's publisher has done since it started, for the agent's own use and its
 * health report. Delivered and dropped messages are counted per {@link Priority}.
 */
public final class ForwardCounters {

    private final long[] delivered;
    private final long[] dropped;
    private final long buffered;
    private final long bufferBytes;
    private final long rejected;
    private final long births;

    ForwardCounters(long[] delivered, long[] dropped, long buffered, long bufferBytes, long rejected, long births) {
        this.delivered = delivered.clone();
        this.dropped = dropped.clone();
        this.buffered = buffered;
        this.bufferBytes = bufferBytes;
        this.rejected = rejected;
        this.births = births;
    }

    /** Messages of {@code p} the broker acknowledged. */
    public long delivered(Priority p) {
        return delivered[p.ordinal()];
    }

    /** Messages of {@code p} dropped because the buffer was full. */
    public long dropped(Priority p) {
        return dropped[p.ordinal()];
    }

    /** Messages dropped because the buffer was full, all priorities. */
    public long dropped() {
        long n = 0;
        for (long d : dropped) {
            n += d;
        }
        return n;
    }

    /** Messages on disk the broker has not acknowledged yet. */
    public long buffered() {
        return buffered;
    }

    /** Bytes the buffer's files take. */
    public long bufferBytes() {
        return bufferBytes;
    }

    /** Messages the broker refused three times (e.g. not authorised), given up and logged. */
    public long rejected() {
        return rejected;
    }

    /** Birth messages the broker acknowledged: one per (re)connect. */
    public long births() {
        return births;
    }

    @Override
    public String toString() {
        return "buffered " + buffered + " (" + bufferBytes + " bytes), dropped " + dropped(Priority.STATISTICS) + " statistics and "
                + dropped(Priority.READING) + " readings, delivered " + delivered(Priority.STATISTICS) + "/" + delivered(Priority.READING)
                + "/" + delivered(Priority.EVENT) + ", rejected " + rejected + ", births " + births;
    }
}
