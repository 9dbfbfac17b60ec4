package vn.ioc.edge.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;

/**
 * One object followed from frame to frame. Its position is the anchor (bottom middle of its box) in
 * source-frame pixels, smoothed with an alpha-beta filter that also gives its velocity.
 */
public final class Track {

    /** how much of the measured position is taken (the rest is the prediction) */
    private static final double ALPHA = 0.6;
    /** how much of the position error corrects the velocity */
    private static final double BETA = 0.3;

    private final long id;
    private final double firstSeen;
    private final Coordinate firstCentre;
    private final double firstDiagonal;
    private boolean moved;
    private Detection box;
    private Coordinate anchor;
    private Coordinate previousAnchor;
    private double vx;
    private double vy;
    private double lastSeen;
    private int hits = 1;
    private Coordinate stillAnchor;
    private double stillSince;
    private final Set<String> countedLines = new HashSet<>();
    private final List<String[]> pendingCrossings = new ArrayList<>();
    private final Map<String, Double> progress = new HashMap<>();

    Track(long id, Detection d, double seconds) {
        this.id = id;
        this.firstSeen = seconds;
        this.lastSeen = seconds;
        this.box = d;
        this.anchor = d.anchor();
        this.firstCentre = d.centre();
        this.firstDiagonal = d.diagonal();
        this.previousAnchor = anchor;
        this.stillAnchor = anchor;
        this.stillSince = seconds;
    }

    public long id() {
        return id;
    }

    public String objectId() {
        return Long.toString(id);
    }

    public Detection box() {
        return box;
    }

    public Coordinate anchor() {
        return anchor;
    }

    /** The anchor before the last update: the move from there to {@link #anchor} is what crossed lines. */
    public Coordinate previousAnchor() {
        return previousAnchor;
    }

    /** Velocity in source pixels per second. */
    public double vx() {
        return vx;
    }

    public double vy() {
        return vy;
    }

    public double firstSeen() {
        return firstSeen;
    }

    public double lastSeen() {
        return lastSeen;
    }

    public int hits() {
        return hits;
    }

    /**
     * Whether it has ever moved well away from where it appeared. A "ghost" of the background model
     * (where a parked vehicle left, a flickering marking) never does; every vehicle did, if only to arrive.
     */
    public boolean hasMoved() {
        return moved;
    }

    /** How long the track has stayed within the still radius, seconds. */
    public double stillFor(double now) {
        return now - stillSince;
    }

    /** When it began to stand still (if it does). */
    public double stillSince() {
        return stillSince;
    }

    Coordinate predicted(double seconds) {
        double dt = seconds - lastSeen;
        return new Coordinate(anchor.x + vx * dt, anchor.y + vy * dt);
    }

    void update(Detection d, double seconds, double stillPixels) {
        double dt = seconds - lastSeen;
        Coordinate measured = d.anchor();
        previousAnchor = anchor;
        if (dt > 0) {
            Coordinate p = predicted(seconds);
            double ex = measured.x - p.x;
            double ey = measured.y - p.y;
            anchor = new Coordinate(p.x + ALPHA * ex, p.y + ALPHA * ey);
            vx += BETA * ex / dt;
            vy += BETA * ey / dt;
        } else {
            anchor = measured;
        }
        box = d;
        lastSeen = seconds;
        hits++;
        // Still radius grows a little with the object: a big near vehicle's box jitters more.
        double radius = stillPixels + 0.1 * d.width();
        // The box's centre, not its anchor: a box that shrinks or grows moves its bottom edge a lot.
        if (!moved && d.centre().distance(firstCentre) > Math.max(3 * stillPixels, firstDiagonal)) {
            moved = true;
        }
        if (anchor.distance(stillAnchor) > radius) {
            stillAnchor = anchor;
            stillSince = seconds;
        }
    }

    /** A frame went by without a matching blob: the position stays, nothing crossed. */
    void miss() {
        previousAnchor = anchor;
    }

    /**
     * Notes a crossing of {@code line}, the first one only: a track counts once per line however its
     * position jitters across it.
     */
    void crossed(String line, String direction) {
        if (countedLines.add(line)) {
            pendingCrossings.add(new String[] {line, direction});
        }
    }

    /**
     * The crossings not yet counted, as {line, direction}; they are given out once. A track crosses
     * before it is confirmed as often as not, so crossings wait here until it is.
     */
    List<String[]> takeCrossings() {
        if (pendingCrossings.isEmpty()) {
            return List.of();
        }
        List<String[]> out = List.copyOf(pendingCrossings);
        pendingCrossings.clear();
        return out;
    }

    /** Adds movement along a lane (negative: against its direction) and returns the sum so far. */
    double addProgress(String lane, double pixels) {
        return progress.merge(lane, pixels, Double::sum);
    }
}
