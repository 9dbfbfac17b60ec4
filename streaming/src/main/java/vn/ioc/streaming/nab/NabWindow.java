package vn.ioc.streaming.nab;

/**
 * One labelled anomaly window of a data file: the rows from {@code start} to {@code end}, both
 * included. Times are epoch milliseconds of NAB's zone-less timestamps read as UTC; each one must
 * be the timestamp of exactly one row of the file.
 */
public record NabWindow(long start, long end) {

    public NabWindow {
        if (end < start) {
            throw new IllegalArgumentException("expected a window's end at or after its start but was "
                    + NabCorpus.format(start) + " to " + NabCorpus.format(end));
        }
    }
}
