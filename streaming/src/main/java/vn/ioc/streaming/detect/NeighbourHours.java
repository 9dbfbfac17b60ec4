package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Neighbouring devices' readings averaged over the same comparison periods (clock hours, for
 * hourly rules), so that each device's mean can be set against the others' once a period is
 * complete. A device keeps one running sum per period, whatever its reading rate; a device that
 * reported nothing in a period is simply not in it, and holds back no one.
 */
public final class NeighbourHours {

    /** One device's readings in the period [start, end): their sum and count. */
    public record Sum(String device, long start, long end, double sum, int count) implements Serializable {

        public Sum {
            Objects.requireNonNull(device, "device");
            if (end <= start) {
                throw new IllegalArgumentException("expected a period that ends after it starts but was " + start + " to " + end);
            }
        }

        public Sum plus(double value) {
            return new Sum(device, start, end, sum + value, count + 1);
        }

        public double mean() {
            return sum / count;
        }
    }

    /**
     * One device's mean over a period against its neighbours'.
     *
     * @param others the other devices' means over the same period, in no particular order
     */
    public record Comparison(String device, long start, long end, double mean, List<Double> others) {

        public Comparison {
            others = List.copyOf(others);
        }
    }

    private NeighbourHours() {
    }

    /** The sum of the period that holds {@code time} (epoch ms), with its first reading. */
    public static Sum first(String device, long time, Duration period, double value) {
        long p = period.toMillis();
        if (p <= 0) {
            throw new IllegalArgumentException("expected a period of at least 1 ms but was " + period);
        }
        long start = Math.floorDiv(time, p) * p;
        return new Sum(device, start, start + p, value, 1);
    }

    /** Each device against all the others of its period. */
    public static List<Comparison> compare(Collection<Sum> sums) {
        return compare(sums, Set.of());
    }

    /**
     * Each device against the others of its period, for complete periods' sums. Sums of periods that
     * differ (another start or length) are not neighbours of each other; two sums of one device and
     * period count as one.
     *
     * @param notReferences devices that are compared but no one is compared with: those known to
     *                      drift, which would drag their neighbours' median along
     */
    public static List<Comparison> compare(Collection<Sum> sums, Set<String> notReferences) {
        Map<String, Map<String, Sum>> byPeriod = new LinkedHashMap<>();
        for (Sum s : sums) {
            if (s.count() > 0) {
                byPeriod.computeIfAbsent(s.start() + "/" + s.end(), k -> new LinkedHashMap<>())
                        .merge(s.device(), s, (a, b) -> new Sum(a.device(), a.start(), a.end(), a.sum() + b.sum(), a.count() + b.count()));
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (Map<String, Sum> period : byPeriod.values()) {
            List<Sum> devices = period.values().stream().sorted(Comparator.comparing(Sum::device)).toList();
            for (Sum d : devices) {
                List<Double> others = new ArrayList<>(devices.size() - 1);
                for (Sum o : devices) {
                    if (o != d && !notReferences.contains(o.device())) {
                        others.add(o.mean());
                    }
                }
                out.add(new Comparison(d.device(), d.start(), d.end(), d.mean(), others));
            }
        }
        return out;
    }
}
