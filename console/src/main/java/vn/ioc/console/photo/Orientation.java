package vn.ioc.console.photo;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * A phone's EXIF orientation (1 to 8): phones store the sensor's pixels as they came and say
 * in EXIF how to turn them. The stored photo keeps no metadata, so the turn is made on the
 * pixels before the metadata is dropped; otherwise portrait photos would lie on their side.
 */
final class Orientation {

    static final int UPRIGHT = 1;
    private static final int JPEG_APP1 = 0xFFE1;

    private Orientation() {
    }

    /** The orientation a JPEG's EXIF gives, or {@link #UPRIGHT} when it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG_APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            byte[] data = exif.get(0).data().readAllBytes();
            // "Exif" is followed by two NULs; the segment's data starts after the first
            int start = data.length > 0 && data[0] == 0 ? 1 : 0;
            try (ImageInputStream tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(data, start, data.length - start))) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                    return n.intValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken EXIF block does not make a bad photo: the pixels are shown as stored
        }
        return UPRIGHT;
    }

    /** The image turned as the orientation says (EXIF 2.32, tag 274). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);  // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);  // mirrored, upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);   // mirrored, on its side
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);  // turned a quarter anticlockwise: turn it clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // mirrored, on its other side
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);  // turned a quarter clockwise: turn it back
            default -> null;
        };
        if (t == null) {
            return image;
        }
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
