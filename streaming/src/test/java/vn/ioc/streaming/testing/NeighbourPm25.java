package vn.ioc.streaming.testing;

import java.util.Random;

/**
 * Hourly PM2.5 means (µg/m³) of neighbouring sensors that breathe the same air: a city's daily
 * cycle (a morning and a larger evening peak, a clean afternoon when the air mixes) scaled by
 * weather that changes over days, as each sensor sees it: its own offset and gain, its own
 * noise that lingers an hour or two, and now and then a local burst (a fire beside it) for one to
 * three hours. Deterministic for a seed.
 */
public final class NeighbourPm25 {

    private final Random random;
    private final double[] offset;
    private final double[] gain;
    private final double[] noise;
    private final int[] burstLeft;
    private final double[] burst;
    private double weather;
    private int hour;

    /** Sensors whose gains differ by up to ±7 %. */
    public NeighbourPm25(int sensors, long seed) {
        this(sensors, seed, 0.07);
    }

    /** @param gainSpread how far each sensor's gain may be from 1, at most */
    public NeighbourPm25(int sensors, long seed, double gainSpread) {
        random = new Random(seed);
        offset = new double[sensors];
        gain = new double[sensors];
        noise = new double[sensors];
        burstLeft = new int[sensors];
        burst = new double[sensors];
        for (int i = 0; i < sensors; i++) {
            offset[i] = -3 + 6 * random.nextDouble();
            gain[i] = 1 - gainSpread + 2 * gainSpread * random.nextDouble();
        }
    }

    /** The air itself in an hour of the day (local time), before the weather. */
    public static double dailyCycle(int hourOfDay) {
        return 22 + 10 * bump(hourOfDay, 7.5, 1.5) + 14 * bump(hourOfDay, 20, 2.5) - 6 * bump(hourOfDay, 14.5, 2.5);
    }

    private static double bump(double h, double at, double width) {
        return Math.exp(-(h - at) * (h - at) / (2 * width * width));
    }

    /** The hour count so far: the hour the next call of {@link #next()} gives. */
    public int hour() {
        return hour;
    }

    public int sensors() {
        return offset.length;
    }

    /** The next hour's mean of every sensor. */
    public double[] next() {
        return next(1);
    }

    /** The next hour's mean of every sensor, with the air {@code haze} times as polluted as the weather makes it. */
    public double[] next(double haze) {
        weather = 0.97 * weather + 0.07 * random.nextGaussian(); // log of a factor that wanders ±30 % over days
        double air = haze * dailyCycle(hour % 24) * Math.exp(weather);
        double[] out = new double[offset.length];
        for (int i = 0; i < out.length; i++) {
            noise[i] = 0.5 * noise[i] + 2.2 * random.nextGaussian(); // about 2.5 µg/m³, lingering
            if (burstLeft[i] == 0 && random.nextDouble() < 1 / 200.0) {
                burstLeft[i] = 1 + random.nextInt(3);
                burst[i] = 20 + 40 * random.nextDouble();
            }
            double local = burstLeft[i] > 0 ? burst[i] : 0;
            if (burstLeft[i] > 0) {
                burstLeft[i]--;
            }
            out[i] = Math.max(0, gain[i] * air + offset[i] + noise[i] + local);
        }
        hour++;
        return out;
    }
}
