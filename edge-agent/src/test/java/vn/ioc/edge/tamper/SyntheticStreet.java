package vn.ioc.edge.tamper;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Random;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A drawn street seen by a fixed camera: buildings with windows, a road with lane marks, cars in two
 * lanes, a truck that crosses a third of the picture every 15 s, and sensor noise. The camera can be
 * turned (a shifted, rotated view of the same street).
 */
final class SyntheticStreet implements AutoCloseable {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    private final Mat street = new Mat(HEIGHT, WIDTH, CV_8UC3);
    private final Mat noise = new Mat(HEIGHT, WIDTH, CV_8UC3);
    private final Mat turned = new Mat();
    private final Mat noiseMean = new Mat(1, 1, CV_64F, new Scalar(3));
    private final Mat noiseDeviation = new Mat(1, 1, CV_64F, new Scalar(2));
    private final Random random = new Random(7);

    SyntheticStreet() {
        rectangle(street, new Rect(0, 0, WIDTH, HEIGHT), new Scalar(150, 160, 170, 0), -1, LINE_8, 0);
        for (int x = 0; x < WIDTH; x += 36 + random.nextInt(20)) {
            int height = 40 + random.nextInt(40);
            Scalar wall = new Scalar(60 + random.nextInt(120), 60 + random.nextInt(120), 60 + random.nextInt(120), 0);
            rectangle(street, new Rect(x, 90 - height, 34, height), wall, -1, LINE_8, 0);
            for (int wy = 90 - height + 4; wy < 84; wy += 10) {
                for (int wx = x + 4; wx < x + 30; wx += 9) {
                    rectangle(street, new Rect(wx, wy, 5, 6), new Scalar(30, 40, 50, 0), -1, LINE_8, 0);
                }
            }
        }
        rectangle(street, new Rect(0, 90, WIDTH, 90), new Scalar(85, 85, 85, 0), -1, LINE_8, 0);
        rectangle(street, new Rect(0, 90, WIDTH, 3), new Scalar(200, 200, 200, 0), -1, LINE_8, 0);
        for (int x = 0; x < WIDTH; x += 30) {
            rectangle(street, new Rect(x, 134, 16, 3), new Scalar(230, 230, 230, 0), -1, LINE_8, 0);
        }
    }

    /** The picture at {@code seconds}, as the fixed camera sees it; {@code turned} for the moved camera. */
    Mat frame(double seconds, boolean turnedCamera) {
        Mat picture = street.clone();
        drawCar(picture, seconds, 0.0, 40, 100, new Scalar(30, 30, 200, 0));
        drawCar(picture, seconds, 3.5, 55, 100, new Scalar(200, 60, 30, 0));
        drawCar(picture, seconds, 1.0, -48, 142, new Scalar(40, 160, 40, 0));
        drawCar(picture, seconds, 5.0, -35, 142, new Scalar(0, 200, 230, 0));
        double sinceTruck = seconds % 15.0;
        if (sinceTruck < 3.0) {
            int x = (int) (-120 + sinceTruck * (WIDTH + 120) / 3.0);
            rectangle(picture, new Rect(x, 70, 120, 90), new Scalar(180, 180, 190, 0), -1, LINE_8, 0);
            rectangle(picture, new Rect(x + 90, 80, 25, 30), new Scalar(40, 50, 60, 0), -1, LINE_8, 0);
        }
        if (turnedCamera) {
            try (Point2f centre = new Point2f(WIDTH * 1.2f, HEIGHT * 1.5f);
                 Mat rotation = getRotationMatrix2D(centre, 14, 1.0); Size size = new Size(WIDTH, HEIGHT)) {
                warpAffine(picture, turned, rotation, size);
                turned.copyTo(picture);
            }
        }
        // sensor noise, zero-mean: one positive sample added, another subtracted
        randn(noise, noiseMean, noiseDeviation);
        add(picture, noise, picture);
        randn(noise, noiseMean, noiseDeviation);
        subtract(picture, noise, picture);
        return picture;
    }

    static void blur(Mat picture) {
        try (Size kernel = new Size(0, 0)) {
            GaussianBlur(picture, picture, kernel, 5);
        }
    }

    /** A car 30 px long that drives across its lane every 6 s at {@code speed} px/s (negative: leftwards). */
    private static void drawCar(Mat picture, double seconds, double offset, int speed, int y, Scalar colour) {
        double span = WIDTH + 60;
        double travelled = ((seconds + offset) * Math.abs(speed)) % span;
        int x = (int) (speed > 0 ? travelled - 30 : WIDTH - travelled);
        rectangle(picture, new Rect(x, y, 30, 14), colour, -1, LINE_8, 0);
        rectangle(picture, new Rect(x + 6, y + 2, 8, 5), new Scalar(20, 20, 20, 0), -1, LINE_8, 0);
    }

    @Override
    public void close() {
        street.close();
        noise.close();
        turned.close();
        noiseMean.close();
        noiseDeviation.close();
    }
}
