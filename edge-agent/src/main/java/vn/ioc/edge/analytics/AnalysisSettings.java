package vn.ioc.edge.analytics;

import java.util.List;

import org.locationtech.jts.geom.Polygon;

/**
 * How the picture is analysed. Sizes and distances are in source-frame pixels, so a configuration
 * holds whatever analysis width is chosen.
 *
 * @param width             the width of the grey copy that is analysed, pixels (the height keeps the aspect)
 * @param minBlobArea       the smallest moving blob taken for an object, source pixels²
 * @param backgroundSeconds the background model's memory: how long a change takes to become background
 *                          (a stopped vehicle fades into the background after roughly half of this)
 * @param varThreshold      MOG2's squared Mahalanobis distance for a pixel to be foreground
 * @param maxMissedSeconds  how long a track survives without a matching blob
 * @param confirmSeconds    how long a track must be seen before it is counted or reported
 * @param stillPixels       a track that stays within this radius is standing still
 * @param stoppedSeconds    standing still this long makes a vehicle "stopped" in the lane statistics
 * @param wrongWayPixels    how far a track must move against its lane's direction to be WRONG_WAY
 * @param queueSpacingM     the length of road one stopped vehicle takes in a queue, for the queue length
 *                          of an uncalibrated camera
 * @param ignore            areas where motion is not analysed (on-screen overlays, swaying trees)
 * @param background        the background model: {@link Background#AVERAGE} (a running average, the
 *                          default) or {@link Background#MIXTURE} (OpenCV MOG2, about three times the cost,
 *                          for scenes whose background flickers: leaves in the wind, water, blinking signs)
 */
public record AnalysisSettings(
        int width, double minBlobArea, double backgroundSeconds, double varThreshold,
        double maxMissedSeconds, double confirmSeconds, double stillPixels, double stoppedSeconds,
        double wrongWayPixels, double queueSpacingM, List<Polygon> ignore, Background background) {

    public static final int DEFAULT_WIDTH = 320;

    /** How the still scene is learned, against which moving things stand out. */
    public enum Background {
        /**
         * one running average per pixel, updated slower where something moves, and a difference threshold
         * (the selective running average of the traffic-surveillance literature): the default, at a third
         * of the mixture's cost
         */
        AVERAGE,
        /** a mixture of Gaussians per pixel (OpenCV MOG2): also learns a background with several states */
        MIXTURE
    }

    public AnalysisSettings {
        ignore = List.copyOf(ignore);
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(DEFAULT_WIDTH, 150, 30, 25, 0.6, 0.4, 6, 2, 40, 7, List.of(), Background.AVERAGE);
    }
}
