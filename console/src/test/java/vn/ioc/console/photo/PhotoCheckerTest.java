package vn.ioc.console.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.ioc.console.report.InvalidReportException;

class PhotoCheckerTest {

    private static final int HUGE = 30_000;

    private final PhotoChecker checker = new PhotoChecker(PhotoProperties.defaults());

    @Test
    void jpegWithExifGpsComesOutWithoutIt() throws IOException {
        byte[] upload = TestPhotos.jpegWithGps(640, 480);
        assertThat(TestPhotos.hasApp1(upload)).as("the test image has EXIF").isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(upload))).as("and is still a readable JPEG").isNotNull();

        Photo photo = checker.check(List.of(upload)).get(0);

        assertThat(TestPhotos.hasApp1(photo.jpeg())).isFalse();
        assertThat(TestPhotos.contains(photo.jpeg(), "Exif")).isFalse();
        assertThat(TestPhotos.contains(photo.jpeg(), TestPhotos.GPS_MARK)).isFalse();
        assertThat(photo.n()).isEqualTo(1);
        assertThat(photo.width()).isEqualTo(640);
        assertThat(photo.height()).isEqualTo(480);
    }

    @Test
    void aPhoneJpegOnItsSideIsStoredUpright() throws IOException {
        // stored 80 × 40, left half red; orientation 6 says: turn a quarter clockwise to view
        Photo turned = checker.check(1, TestPhotos.jpegWithOrientation(80, 40, 6));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(turned.jpeg()));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(80);
        assertThat(red(image.getRGB(20, 10))).as("the red half is now on top").isGreaterThan(200);
        assertThat(red(image.getRGB(20, 70))).as("the blue half below").isLessThan(60);

        Photo mirrored = checker.check(1, TestPhotos.jpegWithOrientation(80, 40, 3)); // upside down: red ends on the right
        BufferedImage flipped = ImageIO.read(new ByteArrayInputStream(mirrored.jpeg()));
        assertThat(flipped.getWidth()).isEqualTo(80);
        assertThat(red(flipped.getRGB(70, 20))).isGreaterThan(200);
        assertThat(red(flipped.getRGB(10, 20))).isLessThan(60);

        Photo plain = checker.check(1, TestPhotos.jpegWithOrientation(80, 40, 1));
        assertThat(red(ImageIO.read(new ByteArrayInputStream(plain.jpeg())).getRGB(10, 20))).as("upright stays as it is").isGreaterThan(200);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    @Test
    void pngIsConvertedToJpeg() throws IOException {
        Photo photo = checker.check(List.of(TestPhotos.png(300, 200))).get(0);

        assertThat(ImageFormat.of(photo.jpeg())).contains(ImageFormat.JPEG);
        var image = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        // the transparent corner becomes white, not black
        assertThat(image.getRGB(0, 0) & 0xffffff).isGreaterThan(0xf0f0f0);
    }

    @Test
    void largePhotoIsScaledToAtMost1920OnItsLongSide() {
        Photo photo = checker.check(List.of(TestPhotos.jpeg(4000, 3000))).get(0);

        assertThat(photo.width()).isEqualTo(1920);
        assertThat(photo.height()).isEqualTo(1440);
    }

    @Test
    void webpIsDecodedAndConvertedToJpeg() {
        // a 1 × 1 lossless WebP, as browsers' feature tests use
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        Photo photo = checker.check(List.of(webp)).get(0);

        assertThat(ImageFormat.of(photo.jpeg())).contains(ImageFormat.JPEG);
        assertThat(photo.width()).isEqualTo(1);
        assertThat(photo.height()).isEqualTo(1);
    }

    @Test
    void textRenamedJpgIsRefused() {
        byte[] text = "Xin chào, đây không phải là ảnh.\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> checker.check(List.of(TestPhotos.jpeg(50, 50), text)))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage("photo 2 is not a JPEG, PNG or WebP image");
    }

    @Test
    void jpegStartThatIsNoImageIsRefused() {
        byte[] broken = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e'};

        assertThatThrownBy(() -> checker.check(List.of(broken)))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessage("photo 1 looks like JPEG but could not be read as an image");
    }

    @Test
    void pngHeaderClaiming30000By30000PixelsIsRefusedWithoutDecoding() {
        // only the signature and the header: a decoder would fail on the missing data, the check must not get there
        assertThatThrownBy(() -> checker.check(List.of(pngHeader(HUGE, HUGE))))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessage("photo 1 is 30000 × 30000 pixels; at most 24 megapixels are accepted");
    }

    @Test
    void jpegHeaderClaiming30000By30000PixelsIsRefusedWithoutDecoding() {
        byte[] jpeg = TestPhotos.jpeg(64, 48);
        int sof = sof0(jpeg);
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) HUGE).putShort((short) HUGE);

        assertThatThrownBy(() -> checker.check(List.of(jpeg)))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessageContaining("30000 × 30000 pixels");
    }

    @Test
    void moreThanThreePhotosAreRefused() {
        byte[] one = TestPhotos.jpeg(20, 20);

        assertThatThrownBy(() -> checker.check(Collections.nCopies(4, one)))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessage("at most 3 photos may be sent with a report but there were 4");
    }

    @Test
    void tooBigPhotoIsRefused() {
        PhotoChecker small = new PhotoChecker(new PhotoProperties(3, DataSize.ofKilobytes(1), 24_000_000, 1920, 0.85f));
        byte[] jpeg = TestPhotos.jpeg(400, 400);
        assertThat(jpeg.length).isGreaterThan(1024);

        assertThatThrownBy(() -> small.check(List.of(jpeg)))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessageStartingWith("photo 1 is ").hasMessageEndingWith("; at most 1.0 KB are accepted");
    }

    @Test
    void emptyPhotoIsRefused() {
        assertThatThrownBy(() -> checker.check(List.of(new byte[0])))
                .isInstanceOf(InvalidPhotoException.class)
                .hasMessage("photo 1 is empty");
    }

    private static byte[] pngHeader(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13);
        int typeAt = png.position();
        png.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put(new byte[]{8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(png.array(), typeAt, 17);
        png.putInt((int) crc.getValue());
        return png.array();
    }

    private static int sof0(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                return i;
            }
        }
        throw new IllegalStateException("no SOF0 in the test JPEG");
    }
}
