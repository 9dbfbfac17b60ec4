package vn.ioc.edge.sensors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.ioc.ingest.contract.Measurement;

/**
 * When each batch of a {@link Recording} is due on the wall clock, and with which time it
 * goes out. Batches keep their recorded spacing divided by the speed-up; a looping replay
 * starts over one typical gap after the last batch. Plain arithmetic on explicit instants:
 * the caller says what time it is.
 */
public final class ReplaySchedule {

    /** Which time a replayed reading carries. */
    public enum Stamp {
        /** The wall-clock instant it was due: the replay looks like a live sensor. */
        REPLAY,
        /** Its recorded time, one recording's length later for each loop. */
        RECORDED
    }

    private final Recording recording;
    private final double speedup;
    private final boolean loop;
    private final Stamp stamp;
    private final Instant wallStart;
    private final Duration loopLength;
    private int next;
    private long loops;
    private boolean ended;
    /** Recorded time from the first batch to the next, summed over the gaps replayed. */
    private Duration elapsed = Duration.ZERO;

    /**
     * @param speedup   recorded seconds per wall-clock second, e.g. 60: a minute's gap becomes 1 s
     * @param wallStart when the first batch is due
     */
    public ReplaySchedule(Recording recording, double speedup, boolean loop, Stamp stamp, Instant wallStart) {
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        this.recording = recording;
        this.speedup = speedup;
        this.loop = loop;
        this.stamp = stamp;
        this.wallStart = wallStart;
        Duration length = Duration.ZERO;
        for (int i = 0; i < recording.batches().size(); i++) {
            length = length.plus(recording.gapAfter(i));
        }
        this.loopLength = length;
    }

    /** Whether a replay without loop has handed out its last batch. */
    public boolean ended() {
        return ended;
    }

    /** How many times the replay has started over. */
    public long loops() {
        return loops;
    }

    /** The wall-clock instant the next batch is due; meaningless once {@link #ended()}. */
    public Instant nextDue() {
        return wallStart.plusNanos(Math.round(elapsed.toNanos() / speedup));
    }

    /** Every batch due at or before {@code now}, in order, with the times they go out with. */
    public List<List<Measurement>> takeDue(Instant now) {
        List<List<Measurement>> due = new ArrayList<>(1);
        while (!ended && !nextDue().isAfter(now)) {
            due.add(take());
        }
        return due;
    }

    private List<Measurement> take() {
        Instant wallTime = nextDue();
        List<Measurement> batch = recording.batches().get(next);
        List<Measurement> out = new ArrayList<>(batch.size());
        for (Measurement m : batch) {
            Instant t = stamp == Stamp.REPLAY ? wallTime : m.time().plus(loopLength.multipliedBy(loops));
            out.add(new Measurement(m.metric(), m.unit(), m.value(), t));
        }
        elapsed = elapsed.plus(recording.gapAfter(next));
        next++;
        if (next == recording.batches().size()) {
            if (loop) {
                next = 0;
                loops++;
            } else {
                ended = true;
            }
        }
        return out;
    }
}
