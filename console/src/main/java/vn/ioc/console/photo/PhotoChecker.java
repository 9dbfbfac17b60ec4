package vn.ioc.console.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Checks citizens' photos and makes what is stored of them: the format from the first bytes
 * (JPEG, PNG or WebP), the size, the pixel count from the header before anything is decoded
 * (a small file may claim a huge image), then a decode and a fresh JPEG of at most
 * {@code maxSide} pixels a side. The new JPEG carries no metadata at all, so EXIF GPS, camera
 * serials and embedded thumbnails of the upload are gone; a phone's EXIF orientation is applied
 * to the pixels first ({@link Orientation}), so portrait photos stay upright.
 */
@Component
public class PhotoChecker {

    private final PhotoProperties limits;

    public PhotoChecker(PhotoProperties limits) {
        this.limits = limits;
    }

    /** Checks all photos of one report, each numbered from 1 in the order given; one bad photo refuses them all. */
    public List<Photo> check(List<byte[]> uploads) {
        if (uploads.size() > limits.maxPerReport()) {
            throw new InvalidPhotoException("at most " + limits.maxPerReport() + " photos may be sent with a report but there were " + uploads.size());
        }
        List<Photo> photos = new ArrayList<>(uploads.size());
        for (int i = 0; i < uploads.size(); i++) {
            photos.add(check(i + 1, uploads.get(i)));
        }
        return photos;
    }

    Photo check(int n, byte[] bytes) {
        String which = "photo " + n;
        if (bytes.length == 0) {
            throw new InvalidPhotoException(which + " is empty");
        }
        if (bytes.length > limits.maxFileSize().toBytes()) {
            throw new InvalidPhotoException(which + " is " + size(bytes.length) + "; at most " + size(limits.maxFileSize().toBytes()) + " are accepted");
        }
        ImageFormat format = ImageFormat.of(bytes).orElseThrow(() ->
                new InvalidPhotoException(which + " is not a JPEG, PNG or WebP image"));
        BufferedImage image = decode(which, format, bytes);
        if (format == ImageFormat.JPEG) {
            image = Orientation.upright(image, Orientation.of(bytes)); // before the EXIF that says how is dropped
        }
        BufferedImage scaled = scaleDown(image, limits.maxSide());
        return new Photo(n, jpeg(scaled, limits.quality()), scaled.getWidth(), scaled.getHeight());
    }

    private BufferedImage decode(String which, ImageFormat format, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new InvalidPhotoException(which + " is " + format + ", which this server cannot read; please send a JPEG or PNG");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // the header only: a decompression bomb is refused before its pixels are allocated
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new InvalidPhotoException(which + " has no pixels");
            }
            if (width * height > limits.maxPixels()) {
                throw new InvalidPhotoException(which + " is " + width + " × " + height + " pixels; at most "
                        + limits.maxPixels() / 1_000_000 + " megapixels are accepted");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidPhotoException invalid) {
                throw invalid;
            }
            throw new InvalidPhotoException(which + " looks like " + format + " but could not be read as an image");
        } finally {
            reader.dispose();
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** Halves while that stays above the target, then one bicubic step: smooth without a slow filter. */
    static BufferedImage scaleDown(BufferedImage image, int maxSide) {
        BufferedImage current = opaque(image);
        int longSide = Math.max(current.getWidth(), current.getHeight());
        if (longSide <= maxSide) {
            return current;
        }
        double scale = (double) maxSide / longSide;
        int targetW = Math.max(1, (int) Math.round(current.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(current.getHeight() * scale));
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH ? current : draw(current, targetW, targetH);
    }

    /** RGB on white: JPEG has no alpha, and a transparent PNG must not turn black. */
    private static BufferedImage opaque(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_RGB ? image : draw(image, image.getWidth(), image.getHeight());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** A baseline JFIF with no metadata: nothing of the upload but its pixels. */
    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JPEG in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
