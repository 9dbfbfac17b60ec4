package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_core.flip;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds faces (frontal, and profiles looking either way) and licence plates in a grey picture.
 * Frontal faces use OpenCV's most sensitive Haar cascade; profiles use the LBP cascade, several times
 * faster, and it only knows faces turned one way, so it also runs on the mirrored picture.
 */
final class SensitiveAreaFinder implements AutoCloseable {

    private static final int MIN_FACE = 20;

    private final PrivacySettings settings;
    private final CascadeClassifier frontal;
    private final CascadeClassifier profile;
    private final CascadeClassifier plate;
    private final RectVector hits = new RectVector();
    private final Mat mirrored = new Mat();
    private final Size minFace = new Size(MIN_FACE, MIN_FACE);
    private final Size minPlate = new Size(36, 12);
    private final Size noMax = new Size();

    SensitiveAreaFinder(PrivacySettings settings) {
        this.settings = settings;
        this.frontal = Cascades.load(Cascades.FRONTAL_FACE);
        this.profile = Cascades.load(Cascades.PROFILE_FACE);
        this.plate = settings.plates() ? Cascades.load(Cascades.PLATE) : null;
    }

    /** Boxes in {@code grey}'s pixels; {@code grey} should be histogram-equalised 8-bit. */
    List<Box> find(Mat grey) {
        List<Box> boxes = new ArrayList<>();
        detect(frontal, grey, minFace, boxes, false);
        detect(profile, grey, minFace, boxes, false);
        flip(grey, mirrored, 1);
        detect(profile, mirrored, minFace, boxes, true);
        if (plate != null) {
            detect(plate, grey, minPlate, boxes, false);
        }
        return boxes;
    }

    private void detect(CascadeClassifier cascade, Mat grey, Size min, List<Box> into, boolean mirroredInput) {
        cascade.detectMultiScale(grey, hits, settings.scaleFactor(), settings.minNeighbours(), 0, min, noMax);
        int width = grey.cols();
        for (long i = 0; i < hits.size(); i++) {
            try (Rect r = hits.get(i)) {
                int x = mirroredInput ? width - r.x() - r.width() : r.x();
                into.add(new Box(x, r.y(), r.width(), r.height()));
            }
        }
    }

    @Override
    public void close() {
        frontal.close();
        profile.close();
        if (plate != null) {
            plate.close();
        }
        hits.close();
        mirrored.close();
        minFace.close();
        minPlate.close();
        noMax.close();
    }
}
