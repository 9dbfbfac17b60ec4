package vn.ioc.edge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class PrivacyFilterTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static PrivacyFilter filter;
    private static List<FaceCheck> checks;

    @BeforeAll
    static void load() {
        filter = new PrivacyFilter(List.of(), 4000, 4000, 90);
        // OpenCV's usual setting (3 neighbours) and a more eager one (2, as the filter itself uses);
        // at 1 a cascade also fires on smooth textures such as a blurred patch of hands or a wall
        checks = List.of(FaceCheck.filtersOwnFrontal(3), FaceCheck.filtersOwnFrontal(2),
                FaceCheck.independentFrontal(3), FaceCheck.independentFrontal(2),
                FaceCheck.independentProfile(3), FaceCheck.independentProfile(2));
    }

    @AfterAll
    static void release() {
        filter.close();
        checks.forEach(FaceCheck::close);
    }

    private static List<Box> facesBefore(Mat picture) {
        List<Box> faces = new ArrayList<>();
        try (FaceCheck own = FaceCheck.filtersOwnFrontal(3); FaceCheck other = FaceCheck.independentFrontal(3)) {
            faces.addAll(own.find(picture));
            faces.addAll(other.find(picture));
        }
        return faces;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messi5.jpg", "facereg.jpg", "julia_facedetect_sample.jpg"})
    void noCascadeFindsTheFacesAgainAfterFiltering(String name) {
        try (Mat picture = TestPictures.colour(name); Mat filtered = filter.filter(picture)) {
            List<Box> faces = facesBefore(picture);
            assertThat(faces).as("faces in %s before filtering", name).isNotEmpty();
            assertNoneFoundAgain(faces, filtered, checks, name);
        }
    }

    /** What leaves the agent is the JPEG: the faces must not come back through its decoding either. */
    @ParameterizedTest
    @ValueSource(strings = {"messi5.jpg", "facereg.jpg", "julia_facedetect_sample.jpg"})
    void noCascadeFindsTheFacesInThePublishedJpeg(String name) {
        try (Mat picture = TestPictures.colour(name);
             BytePointer bytes = new BytePointer(filter.jpeg(picture));
             Mat encoded = new Mat(1, (int) bytes.limit(), CV_8UC1, bytes);
             Mat published = imdecode(encoded, IMREAD_COLOR)) {
            assertThat(published.cols()).isEqualTo(picture.cols());
            assertNoneFoundAgain(facesBefore(picture), published, List.of(checks.get(0), checks.get(2), checks.get(4)), name);
        }
    }

    /** A hit that shares a third of its area with a known face counts as finding it again. */
    private static void assertNoneFoundAgain(List<Box> faces, Mat filtered, List<FaceCheck> using, String name) {
        for (FaceCheck check : using) {
            List<Box> after = check.find(filtered);
            for (Box face : faces) {
                assertThat(after).as("%s finds the face at %s in filtered %s", check, face, name)
                        .noneMatch(hit -> FaceCheck.covered(face, hit) > 0.3 || FaceCheck.covered(hit, face) > 0.3);
            }
        }
    }

    @Test
    void plateFoundByTheDetectorIsBlurredToAFractionOfItsEdges() {
        try (Mat scene = SyntheticPlate.carWithPlate(); FaceCheck plates = FaceCheck.plates(Cascades.PLATE, 3);
             FaceCheck otherPlates = FaceCheck.plates("haarcascade_licence_plate_rus_16stages.xml", 3);
             Mat filtered = filter.filter(scene)) {
            List<Box> found = plates.find(scene);
            assertThat(found).as("plate detector on the synthetic plate").isNotEmpty();

            for (Box plate : found) {
                double before = SyntheticPlate.edgeEnergy(scene, plate);
                double after = SyntheticPlate.edgeEnergy(filtered, plate);
                assertThat(after).as("edge energy in %s, before %s", plate, before).isLessThan(before / 10);
            }
            assertThat(plates.find(filtered)).isEmpty();
            assertThat(otherPlates.find(filtered)).isEmpty();
        }
    }

    @Test
    void masksAreFilledInTheScaledPicture() {
        Polygon window = polygon(100, 100, 500, 100, 500, 400, 100, 400, 100, 100);
        Polygon triangle = polygon(800, 100, 1200, 100, 1000, 600, 800, 100);
        try (PrivacyFilter masked = new PrivacyFilter(List.of(window, triangle), 640, 480, 90);
             Mat bright = new Mat(720, 1280, CV_8UC3, new Scalar(200, 200, 200, 0));
             Mat out = masked.filter(bright)) {
            assertThat(out.cols()).isEqualTo(640);
            assertThat(out.rows()).isEqualTo(360);
            // the window is 50..250 × 50..200 at half size; inside and a margin around
            assertThat(sum(out, new Rect(52, 52, 196, 146))).isZero();
            assertThat(mean(out, new Rect(260, 50, 100, 150))).isGreaterThan(190);
            assertThat(mean(out, new Rect(0, 220, 640, 140))).isGreaterThan(190);
            // the triangle's upper middle (x 500, y 60 at half size) is inside, its lower corners are outside
            assertThat(sum(out, new Rect(480, 55, 40, 20))).isZero();
            assertThat(mean(out, new Rect(405, 250, 30, 40))).isGreaterThan(190);
        }
    }

    @Test
    void sizeIsCappedKeepingTheAspectRatio() {
        try (PrivacyFilter capped = new PrivacyFilter(List.of(), 640, 480, 80);
             Mat wide = new Mat(720, 1280, CV_8UC3, new Scalar(90, 90, 90, 0));
             Mat tall = new Mat(960, 480, CV_8UC3, new Scalar(90, 90, 90, 0));
             Mat small = new Mat(240, 320, CV_8UC3, new Scalar(90, 90, 90, 0));
             Mat wideOut = capped.filter(wide); Mat tallOut = capped.filter(tall); Mat smallOut = capped.filter(small)) {
            assertThat(new int[] {wideOut.cols(), wideOut.rows()}).containsExactly(640, 360);
            assertThat(new int[] {tallOut.cols(), tallOut.rows()}).containsExactly(240, 480);
            assertThat(new int[] {smallOut.cols(), smallOut.rows()}).containsExactly(320, 240);
            assertThat(smallOut.address()).isNotEqualTo(small.address());
        }
    }

    @Test
    void inputFrameIsLeftUntouched() {
        Polygon mask = polygon(0, 0, 200, 0, 200, 200, 0, 0);
        try (PrivacyFilter masked = new PrivacyFilter(List.of(mask), 320, 320, 80);
             Mat picture = TestPictures.colour("facereg.jpg"); Mat copy = picture.clone();
             Mat out = masked.filter(picture); Mat difference = new Mat()) {
            masked.jpeg(picture);
            absdiff(picture, copy, difference);
            assertThat(countNonZero(difference.reshape(1, 0))).isZero();
            absdiff(out, copy, difference);
            assertThat(countNonZero(difference.reshape(1, 0))).as("the output differs from the input").isPositive();
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheValueInTheMessage() {
        assertThatThrownBy(() -> new PrivacyFilter(List.of(), 640, 480, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quality").hasMessageContaining("0");
        assertThatThrownBy(() -> new PrivacyFilter(List.of(), 640, 480, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
        assertThatThrownBy(() -> new PrivacyFilter(List.of(), -640, 480, 80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-640x480");
        assertThatThrownBy(() -> new PrivacyFilter(List.of(), 640, 0, 80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640x0");
        assertThatThrownBy(() -> new PrivacyFilter(null, 640, 480, 80)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PrivacySettings.defaults().withDetectionMaxWidth(10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        try (Mat grey = new Mat(100, 100, CV_8UC1, new Scalar(0)); Mat empty = new Mat()) {
            assertThatThrownBy(() -> filter.filter(grey)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3-channel");
            assertThatThrownBy(() -> filter.jpeg(empty)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closedFilterRefusesFrames() {
        PrivacyFilter closed = new PrivacyFilter(List.of(), 640, 480, 80);
        closed.close();
        closed.close();
        try (Mat picture = new Mat(10, 10, CV_8UC3, new Scalar(1, 2, 3, 0))) {
            assertThatThrownBy(() -> closed.jpeg(picture)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void longRunDoesNotGrowNativeMemory() {
        Polygon mask = polygon(10, 10, 300, 10, 300, 100, 10, 10);
        try (PrivacyFilter masked = new PrivacyFilter(List.of(mask), 640, 360, 75);
             Mat picture = SyntheticPlate.carWithPlate()) {
            for (int i = 0; i < 20; i++) {
                masked.jpeg(picture);
            }
            long before = Pointer.physicalBytes();
            for (int i = 0; i < 150; i++) {
                masked.jpeg(picture);
                masked.filter(picture).close();
            }
            long grown = Pointer.physicalBytes() - before;
            // one leaked frame copy per call would be 150 × 2 × ~0.7 MB
            assertThat(grown).isLessThan(40L << 20);
        }
    }

    private static Polygon polygon(double... xy) {
        Coordinate[] points = new Coordinate[xy.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GEOMETRY.createPolygon(points);
    }

    private static long sum(Mat picture, Rect area) {
        try (Mat part = picture.apply(area); Mat channel = new Mat()) {
            long total = 0;
            for (int c = 0; c < 3; c++) {
                extractChannel(part, channel, c);
                total += countNonZero(channel);
            }
            return total;
        }
    }

    private static double mean(Mat picture, Rect area) {
        try (Mat part = picture.apply(area)) {
            return org.bytedeco.opencv.global.opencv_core.mean(part).get(0);
        }
    }
}
