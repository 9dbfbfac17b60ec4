package vn.ioc.edge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When each row of a recorded series is due on the wall clock: the rows are replayed in
 * file order from a start row, spaced by their recorded gaps divided by the speed-up, and
 * wrap to the first row after the last while time runs on. Plain arithmetic on explicit
 * instants: the caller says what time it is.
 */
public final class SeriesReplay {

    private final SeriesFile series;
    private final double speedup;
    private final Instant wallStart;
    private final Duration loopLength;
    private int next;
    private long loops;
    /** Recorded time from the start row to the next row, summed over the gaps replayed. */
    private Duration elapsed = Duration.ZERO;

    /**
     * @param startIndex the first row to replay ({@link SeriesFile#indexAt})
     * @param speedup    recorded seconds per wall-clock second, e.g. 300: a 5-minute gap becomes 1 s
     * @param wallStart  when the start row is due
     */
    public SeriesReplay(SeriesFile series, int startIndex, double speedup, Instant wallStart) {
        if (startIndex < 0 || startIndex >= series.size()) {
            throw new IllegalArgumentException("expected a start row between 0 and " + (series.size() - 1) + " but was " + startIndex);
        }
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        this.series = series;
        this.speedup = speedup;
        this.wallStart = wallStart;
        this.next = startIndex;
        Duration loop = Duration.ZERO;
        for (int i = 0; i < series.size(); i++) {
            loop = loop.plus(series.gapAfter(i));
        }
        this.loopLength = loop;
    }

    public SeriesFile series() {
        return series;
    }

    /** The index of the row replayed next. */
    public int nextIndex() {
        return next;
    }

    /** The wall-clock instant the next row is due. */
    public Instant nextDue() {
        long nanos = Math.round(elapsed.toNanos() / speedup);
        return wallStart.plusNanos(nanos);
    }

    /**
     * The recorded time of the next row on a time line that keeps running across wrap-arounds:
     * after the first wrap it lies one loop of the file later than the row's own time.
     */
    public LocalDateTime nextSeriesTime() {
        return series.rows().get(next).time().plus(loopLength.multipliedBy(loops));
    }

    /** Returns the next row and moves on. */
    public SeriesFile.Row next() {
        SeriesFile.Row row = series.rows().get(next);
        elapsed = elapsed.plus(series.gapAfter(next));
        next++;
        if (next == series.size()) {
            next = 0;
            loops++;
        }
        return row;
    }

    /** Every row due at or before {@code now}, in order; the replay moves past them. */
    public List<SeriesFile.Row> takeDue(Instant now) {
        List<SeriesFile.Row> due = new ArrayList<>(1);
        while (!nextDue().isAfter(now)) {
            due.add(next());
        }
        return due;
    }
}
