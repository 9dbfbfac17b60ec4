package vn.ioc.edge.sensors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import vn.ioc.ingest.contract.Measurement;

/**
 * Readings recorded earlier, in time order (readings of the same time keep their file order),
 * grouped into the batches a sensor sent together: one batch per distinct time.
 */
public final class Recording {

    private final String name;
    private final List<List<Measurement>> batches;
    private final Duration typicalGap;

    private Recording(String name, List<List<Measurement>> batches) {
        this.name = name;
        this.batches = batches;
        this.typicalGap = medianGap(batches);
    }

    /**
     * @param name     what messages call the recording, e.g. its file
     * @param readings in any order; sorted here by time, stably
     * @throws IllegalArgumentException when there is nothing to replay
     */
    public static Recording of(String name, List<Measurement> readings) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException(name + ": expected at least one reading to replay but there are none");
        }
        List<Measurement> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Measurement::time));
        List<List<Measurement>> batches = new ArrayList<>();
        List<Measurement> current = new ArrayList<>();
        for (Measurement m : sorted) {
            if (!current.isEmpty() && !current.get(0).time().equals(m.time())) {
                batches.add(List.copyOf(current));
                current.clear();
            }
            current.add(m);
        }
        batches.add(List.copyOf(current));
        return new Recording(name, List.copyOf(batches));
    }

    public String name() {
        return name;
    }

    /** The batches in replay order; the readings carry their recorded times. */
    public List<List<Measurement>> batches() {
        return batches;
    }

    public Instant recordedTime(int batch) {
        return batches.get(batch).get(0).time();
    }

    /** The recorded time from a batch to the one replayed after it; after the last, one typical gap. */
    public Duration gapAfter(int batch) {
        if (batch == batches.size() - 1) {
            return typicalGap;
        }
        return Duration.between(recordedTime(batch), recordedTime(batch + 1));
    }

    /** The median gap between batches (1 s for a single batch): the sensor's reporting interval. */
    public Duration typicalGap() {
        return typicalGap;
    }

    private static Duration medianGap(List<List<Measurement>> batches) {
        if (batches.size() < 2) {
            return Duration.ofSeconds(1);
        }
        long[] millis = new long[batches.size() - 1];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = Duration.between(batches.get(i).get(0).time(), batches.get(i + 1).get(0).time()).toMillis();
        }
        Arrays.sort(millis);
        return Duration.ofMillis(Math.max(1, millis[millis.length / 2]));
    }

    @Override
    public String toString() {
        return name + " (" + batches.size() + " batches, " + recordedTime(0) + " to " + recordedTime(batches.size() - 1) + ")";
    }
}
