package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import java.util.Objects;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes a frame safe to leave the agent: faces and licence plates blurred beyond reading,
 * the configured privacy masks filled, the size capped. Not thread-safe: one per camera.
 *
 * <p>Detection runs on an equalised grey copy at most {@link PrivacySettings#detectionMaxWidth()} wide;
 * each found box, grown by {@link PrivacySettings#margin()}, is pixelated into about four blocks across and
 * then Gaussian-blurred on the colour picture, so neither a person nor a cascade can read it back.
 */
public final class PrivacyFilter implements AutoCloseable {

    /** Blocks across a hidden box: too few to recognise a face or read a plate character; at six, a
     * sensitive cascade still found a face-like pattern in one pixelated face. */
    private static final int BLOCKS_ACROSS = 4;

    private final int maxWidth;
    private final int maxHeight;
    private final PrivacySettings settings;
    private final PrivacyMasks masks;
    private final SensitiveAreaFinder finder;
    private final IntPointer jpegParams;
    private final Mat small = new Mat();
    private final Mat grey = new Mat();
    private final Mat blocks = new Mat();
    private final Mat published = new Mat();
    private final BytePointer encoded = new BytePointer();
    private boolean closed;

    /**
     * @param masks      areas never shown, as polygons in the source frame's pixel coordinates
     * @param maxWidth   the widest picture that leaves the agent, in pixels
     * @param maxHeight  the tallest picture that leaves the agent, in pixels
     * @param jpegQuality JPEG quality, 1 to 100
     */
    public PrivacyFilter(List<Polygon> masks, int maxWidth, int maxHeight, int jpegQuality) {
        this(masks, maxWidth, maxHeight, jpegQuality, PrivacySettings.defaults());
    }

    public PrivacyFilter(List<Polygon> masks, int maxWidth, int maxHeight, int jpegQuality, PrivacySettings settings) {
        Objects.requireNonNull(masks, "masks");
        Objects.requireNonNull(settings, "settings");
        if (maxWidth <= 0 || maxHeight <= 0) {
            throw new IllegalArgumentException(
                    "expected a positive maximum size but was " + maxWidth + "x" + maxHeight);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("expected a JPEG quality from 1 to 100 but was " + jpegQuality);
        }
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        this.settings = settings;
        this.masks = new PrivacyMasks(masks);
        this.finder = new SensitiveAreaFinder(settings);
        this.jpegParams = new IntPointer(IMWRITE_JPEG_QUALITY, jpegQuality);
    }

    /** A filtered, size-capped copy of {@code bgr} (8-bit, 3 channels); the input is left as it was. */
    public Mat filter(Mat bgr) {
        Mat out = new Mat();
        filterInto(bgr, out);
        return out;
    }

    /** {@link #filter} then JPEG. */
    public byte[] jpeg(Mat bgr) {
        filterInto(bgr, published);
        if (!imencode(".jpg", published, encoded, jpegParams)) {
            throw new IllegalStateException("OpenCV could not encode a " + published.cols() + "x" + published.rows() + " JPEG");
        }
        byte[] bytes = new byte[(int) encoded.limit()];
        encoded.get(bytes);
        return bytes;
    }

    private void filterInto(Mat bgr, Mat out) {
        if (closed) {
            throw new IllegalStateException("the privacy filter is closed");
        }
        Objects.requireNonNull(bgr, "bgr");
        if (bgr.empty() || bgr.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected a non-empty 8-bit 3-channel BGR frame but was "
                    + bgr.cols() + "x" + bgr.rows() + " of type " + bgr.type());
        }
        int width = bgr.cols();
        int height = bgr.rows();
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        int outWidth = Math.max(1, (int) Math.round(width * scale));
        int outHeight = Math.max(1, (int) Math.round(height * scale));
        try (Size outSize = new Size(outWidth, outHeight)) {
            if (scale < 1.0) {
                resize(bgr, out, outSize, 0, 0, INTER_AREA);
            } else {
                bgr.copyTo(out);
            }
        }
        double detectionScale = prepareGrey(bgr);
        for (Box found : finder.find(grey)) {
            Box hidden = found.scaledGrownClipped(scale / detectionScale, settings.margin(), outWidth, outHeight);
            if (!hidden.isEmpty()) {
                obscure(out, hidden);
            }
        }
        masks.apply(out, scale);
    }

    /** Fills {@link #grey} for the detectors; returns its size relative to the source. */
    private double prepareGrey(Mat bgr) {
        double detectionScale = Math.min(1.0, (double) settings.detectionMaxWidth() / bgr.cols());
        if (detectionScale < 1.0) {
            try (Size size = new Size(settings.detectionMaxWidth(),
                    Math.max(1, (int) Math.round(bgr.rows() * detectionScale)))) {
                resize(bgr, small, size, 0, 0, INTER_AREA);
            }
            cvtColor(small, grey, COLOR_BGR2GRAY);
        } else {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
        }
        // equalising helps the cascades in dim and hazy pictures, where plates and faces lose contrast
        equalizeHist(grey, grey);
        return detectionScale;
    }

    private void obscure(Mat picture, Box box) {
        int block = Math.max(2, (int) Math.ceil((double) box.width() / BLOCKS_ACROSS));
        int kernel = (block * 2) | 1;
        try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height());
             Mat area = picture.apply(rect);
             Size coarse = new Size(Math.max(1, box.width() / block), Math.max(1, box.height() / block));
             Size full = new Size(box.width(), box.height());
             Size gaussian = new Size(kernel, kernel)) {
            resize(area, blocks, coarse, 0, 0, INTER_AREA);
            resize(blocks, area, full, 0, 0, INTER_NEAREST);
            GaussianBlur(area, area, gaussian, 0);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finder.close();
        masks.close();
        jpegParams.close();
        small.close();
        grey.close();
        blocks.close();
        published.close();
        encoded.close();
    }
}
