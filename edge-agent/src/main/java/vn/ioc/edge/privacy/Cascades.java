package vn.ioc.edge.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The Haar cascades shipped in {@code privacy/} on the classpath. OpenCV loads a cascade from a file
 * only, so each is copied once per process to a temporary file.
 */
final class Cascades {

    static final String FRONTAL_FACE = "haarcascade_frontalface_default.xml";
    static final String PROFILE_FACE = "lbpcascade_profileface.xml";
    static final String PLATE = "haarcascade_russian_plate_number.xml";

    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private Cascades() {
    }

    static CascadeClassifier load(String name) {
        Path file = EXTRACTED.computeIfAbsent(name, Cascades::extract);
        CascadeClassifier cascade = new CascadeClassifier(file.toString());
        if (cascade.empty()) {
            cascade.close();
            throw new IllegalStateException("OpenCV could not read the cascade " + name + " from " + file);
        }
        return cascade;
    }

    private static Path extract(String name) {
        try (InputStream in = Cascades.class.getResourceAsStream("/privacy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("cascade privacy/" + name + " is not on the classpath");
            }
            Path file = Files.createTempFile("ioc-cascade-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract cascade " + name, e);
        }
    }
}
