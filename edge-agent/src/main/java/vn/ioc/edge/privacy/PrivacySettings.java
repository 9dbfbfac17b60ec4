package vn.ioc.edge.privacy;

/**
 * How hard the filter looks for faces and plates, and how much it hides around them.
 *
 * @param detectionMaxWidth the detectors run on a grey copy at most this wide; smaller is faster but
 *                          misses small faces (a face must be about 20 px wide at this size)
 * @param minNeighbours     how many overlapping cascade hits make a detection; low values find more
 *                          faces and more false ones, which only blur a little too much
 * @param scaleFactor       the step between the cascade's search scales, above 1
 * @param margin            each box grows by this fraction of its size on every side, so hair, chin
 *                          and the plate's frame go too
 * @param plates            whether licence plates are looked for as well as faces
 */
public record PrivacySettings(int detectionMaxWidth, int minNeighbours, double scaleFactor, double margin,
        boolean plates) {

    /**
     * Finds faces from about 20 px wide in frames up to 640 px wide, the size of a published frame (wider
     * frames are searched at 640 px: a face smaller than 20 px there is not recognisable in what is
     * published either); plates as well; boxes grown by a quarter.
     */
    public static PrivacySettings defaults() {
        return new PrivacySettings(640, 2, 1.1, 0.25, true);
    }

    public PrivacySettings {
        if (detectionMaxWidth < 64) {
            throw new IllegalArgumentException("expected detectionMaxWidth of at least 64 px but was " + detectionMaxWidth);
        }
        if (minNeighbours < 0) {
            throw new IllegalArgumentException("expected minNeighbours of 0 or more but was " + minNeighbours);
        }
        if (!(scaleFactor > 1.0 && scaleFactor <= 2.0)) {
            throw new IllegalArgumentException("expected scaleFactor above 1 and at most 2 but was " + scaleFactor);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("expected margin between 0 and 1 but was " + margin);
        }
    }

    public PrivacySettings withDetectionMaxWidth(int width) {
        return new PrivacySettings(width, minNeighbours, scaleFactor, margin, plates);
    }
}
