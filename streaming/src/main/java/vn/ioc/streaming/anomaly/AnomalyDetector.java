package vn.ioc.streaming.anomaly;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An online anomaly score for one numeric series: each value is seen once, in time order, and gets a
 * score in [0, 1] at once, from a bounded memory of the series' own past. The same parameters serve
 * every series: it learns each one by itself. One instance per series; not thread-safe.
 *
 * <p>How: the latest stretches of 1, 4, 16 and 64 values are compared with everything the series did
 * in its last {@value #HISTORY} values ({@link SubsequenceNovelty}: a level never reached, a shape
 * never drawn, a daily rhythm that does not come); each distance is turned into a tail probability
 * against that scale's own recent distances ({@link Strangeness}); the score is one minus their
 * geometric mean, so a value is strange when it is new at several scales at once, which noise rarely
 * is. A score at or above the alarm level is an alarm; for the next {@value #REFRACTORY} values the
 * score is held below it, so one condition gives one alarm rather than one per value.
 *
 * <p>Memory per series: the history, a dot product and a sum of squares per scale and position, and
 * each scale's recent distances: about 420 KB, whatever the series' length.
 */
public final class AnomalyDetector {

    /**
     * The score from which a value is an alarm, unless chosen otherwise: the level that NAB's
     * standard profile (a missed window costs as much as nine false alarms) finds best.
     */
    public static final double ALARM = 0.97;
    /** How many values the series keeps for comparison. */
    static final int HISTORY = 4000;
    /** The stretch lengths compared, from single values to a few hours or days of a series. */
    static final int[] LENGTHS = {1, 4, 16, 64};
    /** How many recent distances each scale is judged against. */
    static final int MEASURES = 2000;
    /** After an alarm, how many values stay below the alarm level. */
    static final int REFRACTORY = 250;
    /** No score before this many values: a series must show what it usually does first. */
    static final int WARM_UP = 100;
    /** Each scale judges a distance only against at least this many earlier ones. */
    static final int JUDGED_AFTER = 200;
    /** Scores in the refractory period are scaled by this, so they stay below the alarm level. */
    private static final double REFRACTORY_SCALE = 0.9;
    /** The layout {@link #writeTo} writes; a change of parameters or layout is a new format. */
    private static final int FORMAT = 1;

    private final History history = new History(HISTORY);
    private final SubsequenceNovelty[] novelty = new SubsequenceNovelty[LENGTHS.length];
    private final Strangeness[] strangeness = new Strangeness[LENGTHS.length];
    private final double alarmLevel;
    private long seen;
    private long alarmAt = Long.MIN_VALUE / 2;

    /** With alarms from {@link #ALARM}. */
    public AnomalyDetector() {
        this(ALARM);
    }

    /**
     * @param alarmLevel the score from which a value is an alarm, in (0, 1]: higher for fewer alarms
     *                   (on a noisy daily rhythm that behaves, 0.97 gives about one alarm per 900
     *                   values, three days of five-minute values; 0.99 one per 1,900; 0.995 one per 2,500)
     */
    public AnomalyDetector(double alarmLevel) {
        if (!(alarmLevel > 0 && alarmLevel <= 1)) {
            throw new IllegalArgumentException("expected an alarm level in (0, 1] but was " + alarmLevel);
        }
        this.alarmLevel = alarmLevel;
        for (int k = 0; k < LENGTHS.length; k++) {
            novelty[k] = new SubsequenceNovelty(LENGTHS[k], history);
            strangeness[k] = new Strangeness(MEASURES, JUDGED_AFTER);
        }
    }

    /**
     * @param epochMillis the value's time (values must come in time order; the score depends on their
     *                    order, not on the spacing)
     * @param value       the value; a NaN or infinite value scores 0 and is not learned
     * @return the anomaly score in [0, 1]; {@link #ALARM} or more is an alarm
     */
    public double score(long epochMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        history.add(value);
        seen++;
        double logSum = 0;
        int judged = 0;
        for (int k = 0; k < novelty.length; k++) {
            double distance = novelty[k].update();
            if (!Double.isNaN(distance) && seen > WARM_UP) {
                double p = strangeness[k].tailProbability(distance);
                logSum += Math.log(p);
                judged++;
            }
        }
        double score = judged == 0 ? 0 : 1 - Math.exp(logSum / judged);
        if (seen - alarmAt < REFRACTORY) {
            return score * alarmLevel * REFRACTORY_SCALE;
        }
        if (score >= alarmLevel) {
            alarmAt = seen;
        }
        return score;
    }

    /**
     * Writes what the detector learned (about 96 KB: the history and each scale's recent distances; the
     * rest is computed again on reading), for the stream job's state and checkpoints.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeDouble(alarmLevel);
        out.writeLong(seen);
        out.writeLong(alarmAt);
        history.writeTo(out);
        for (Strangeness s : strangeness) {
            s.writeTo(out);
        }
    }

    /** A detector that goes on where the one that wrote {@code in} stopped, with the same scores. */
    public static AnomalyDetector readFrom(DataInput in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("expected anomaly detector state of format " + FORMAT + " but it is " + format);
        }
        AnomalyDetector d = new AnomalyDetector(in.readDouble());
        d.seen = in.readLong();
        d.alarmAt = in.readLong();
        d.history.readFrom(in);
        for (Strangeness s : d.strangeness) {
            s.readFrom(in);
        }
        for (SubsequenceNovelty n : d.novelty) {
            n.rebuild();
        }
        return d;
    }

    /** Whether the last value raised an alarm. */
    public boolean alarmed() {
        return alarmAt == seen;
    }
}
