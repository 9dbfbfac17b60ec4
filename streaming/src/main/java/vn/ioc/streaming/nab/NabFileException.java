package vn.ioc.streaming.nab;

import java.nio.file.Path;

/** A CSV file of the corpus that cannot be read as NAB's format; the message names the file and the line. */
public final class NabFileException extends RuntimeException {

    public NabFileException(Path file, int line, String message) {
        super(file + ", line " + line + ": " + message);
    }
}
