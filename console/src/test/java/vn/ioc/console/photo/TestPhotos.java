package vn.ioc.console.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images made by the tests: real JPEGs and PNGs, one with EXIF GPS as a phone writes it. */
public final class TestPhotos {

    /** Text in the EXIF segment that must not survive. */
    public static final String GPS_MARK = "GPS-16.469N-107.597E";

    private TestPhotos() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A JPEG with an APP1 Exif segment whose IFD0 points to a GPS IFD (latitude ref N), followed by {@link #GPS_MARK}. */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0: one entry, GPSInfo (0x8825, LONG) pointing to the GPS IFD at offset 26
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD: GPSLatitudeRef (1, ASCII, 2) = "N"
        tiff.putShort((short) 1).putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0}).putInt(0);
        tiff.put(GPS_MARK.getBytes(StandardCharsets.US_ASCII));
        return withExif(plain, tiff);
    }

    /**
     * A JPEG stored as a phone stores a portrait photo: the left half red, the right half blue,
     * with an EXIF orientation tag (274) saying how to turn it.
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ByteBuffer tiff = ByteBuffer.allocate(32);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0: one entry, Orientation (274, SHORT, 1), the value left-aligned in the 4-byte field
        tiff.putShort((short) 1).putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0).putInt(0);
        return withExif(encode(image, "jpg"), tiff);
    }

    /** The JPEG with an APP1 Exif segment holding the TIFF structure written so far, after SOI and JFIF APP0. */
    private static byte[] withExif(byte[] plain, ByteBuffer tiff) {
        byte[] payload = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
        System.arraycopy(tiff.array(), 0, payload, 6, tiff.position());
        int app0End = 4 + ((plain[4] & 0xff) << 8 | plain[5] & 0xff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        out.write(0xff);
        out.write(0xe1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.write(payload, 0, payload.length);
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    /** Whether the JPEG has an APP1 segment (EXIF or XMP) before its image data. */
    public static boolean hasApp1(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xe1) {
                return true;
            }
            if (marker == 0xda) {
                return false;
            }
            i += 2 + ((jpeg[i + 2] & 0xff) << 8 | jpeg[i + 3] & 0xff);
        }
        return false;
    }

    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        if (type == BufferedImage.TYPE_INT_RGB) {
            // a PNG keeps its transparent background
            g.setColor(new Color(0x1565c0));
            g.fillRect(0, 0, width, height);
        }
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
