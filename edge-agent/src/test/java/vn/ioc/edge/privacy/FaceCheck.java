package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * A cascade run the way a person trying to undo the filter might run it: at full resolution, small
 * minimum size, a chosen strictness, optionally on the mirrored picture too.
 */
final class FaceCheck implements AutoCloseable {

    private final String name;
    private final CascadeClassifier cascade;
    private final int minNeighbours;
    private final boolean bothWays;
    private final Size min;

    private FaceCheck(String name, Path file, int minNeighbours, boolean bothWays, Size min) {
        this.name = name + " (minNeighbours " + minNeighbours + ")";
        this.cascade = new CascadeClassifier(file.toString());
        if (cascade.empty()) {
            throw new IllegalStateException("could not load " + file);
        }
        this.minNeighbours = minNeighbours;
        this.bothWays = bothWays;
        this.min = min;
    }

    /** Frontal cascade the filter itself uses. */
    static FaceCheck filtersOwnFrontal(int minNeighbours) {
        return new FaceCheck("frontalface_default", mainCascade(Cascades.FRONTAL_FACE), minNeighbours, false, new Size(16, 16));
    }

    /** A frontal cascade the filter does not use. */
    static FaceCheck independentFrontal(int minNeighbours) {
        return new FaceCheck("frontalface_alt2", TestPictures.path("haarcascade_frontalface_alt2.xml"), minNeighbours, false, new Size(16, 16));
    }

    /** The Haar profile cascade; the filter uses the LBP one. */
    static FaceCheck independentProfile(int minNeighbours) {
        return new FaceCheck("profileface (Haar)", TestPictures.path("haarcascade_profileface.xml"), minNeighbours, true, new Size(16, 16));
    }

    static FaceCheck plates(String file, int minNeighbours) {
        Path path = file.equals(Cascades.PLATE) ? mainCascade(file) : TestPictures.path(file);
        return new FaceCheck(file, path, minNeighbours, false, new Size(30, 10));
    }

    private static Path mainCascade(String name) {
        try {
            return Path.of(FaceCheck.class.getResource("/privacy/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    List<Box> find(Mat bgr) {
        List<Box> found = new ArrayList<>();
        try (Mat grey = new Mat(); Mat mirrored = new Mat(); RectVector hits = new RectVector(); Size max = new Size()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            collect(grey, hits, max, found, false);
            if (bothWays) {
                flip(grey, mirrored, 1);
                collect(mirrored, hits, max, found, true);
            }
        }
        return found;
    }

    private void collect(Mat grey, RectVector hits, Size max, List<Box> into, boolean mirrored) {
        cascade.detectMultiScale(grey, hits, 1.05, minNeighbours, 0, min, max);
        for (long i = 0; i < hits.size(); i++) {
            Rect r = hits.get(i);
            int x = mirrored ? grey.cols() - r.x() - r.width() : r.x();
            into.add(new Box(x, r.y(), r.width(), r.height()));
        }
    }

    /** The share of {@code inner}'s area that lies inside {@code outer}. */
    static double covered(Box inner, Box outer) {
        int w = Math.min(inner.x() + inner.width(), outer.x() + outer.width()) - Math.max(inner.x(), outer.x());
        int h = Math.min(inner.y() + inner.height(), outer.y() + outer.height()) - Math.max(inner.y(), outer.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        return (double) w * h / ((double) inner.width() * inner.height());
    }

    @Override
    public void close() {
        cascade.close();
        min.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
