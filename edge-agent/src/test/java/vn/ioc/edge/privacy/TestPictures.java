package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;

/** Files under {@code privacy/} in the test resources. */
final class TestPictures {

    private TestPictures() {
    }

    static Path path(String name) {
        URL url = TestPictures.class.getResource("/privacy/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource privacy/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Mat colour(String name) {
        Mat picture = imread(path(name).toString(), IMREAD_COLOR);
        if (picture.empty()) {
            throw new IllegalStateException("OpenCV could not read privacy/" + name);
        }
        return picture;
    }
}
