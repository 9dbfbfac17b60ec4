package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class JpegSnapshotsTest {

    private static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    @Test
    void fitScalesTheLongerSideDownToTheCapKeepingTheAspect() {
        assertThat(JpegSnapshots.fit(image(1280, 720), 640)).satisfies(i -> {
            assertThat(i.getWidth()).isEqualTo(640);
            assertThat(i.getHeight()).isEqualTo(360);
        });
        assertThat(JpegSnapshots.fit(image(480, 960), 640)).satisfies(i -> {
            assertThat(i.getWidth()).isEqualTo(320);
            assertThat(i.getHeight()).isEqualTo(640);
        });
        BufferedImage small = image(640, 352);
        assertThat(JpegSnapshots.fit(small, 640)).isSameAs(small);
    }

    @Test
    void encodedJpegDecodesToTheSameSizeAndColours() throws IOException {
        byte[] jpeg = JpegSnapshots.encode(image(640, 352), JpegSnapshots.QUALITY);

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));

        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        assertThat(back.getWidth()).isEqualTo(640);
        assertThat(back.getHeight()).isEqualTo(352);
        Color left = new Color(back.getRGB(100, 100));
        Color right = new Color(back.getRGB(540, 100));
        assertThat(left.getRed()).isGreaterThan(200);
        assertThat(right.getBlue()).isGreaterThan(200);
    }

    @Test
    void lowerQualityMakesSmallerFiles() {
        BufferedImage noisy = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random r = new java.util.Random(1);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                noisy.setRGB(x, y, r.nextInt(0xffffff));
            }
        }
        assertThat(JpegSnapshots.encode(noisy, 0.3f).length).isLessThan(JpegSnapshots.encode(noisy, 0.9f).length);
    }
}
