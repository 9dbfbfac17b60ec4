package vn.ioc.edge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A data file a site replays: a file on disk, or a resource inside the agent's jar.
 *
 * @param name as the configuration wrote it, for messages
 */
public record DataFile(String name, URL url) {

    public InputStream open() throws IOException {
        return url.openStream();
    }

    /**
     * A path to the file's bytes, for libraries that only read files (FFmpeg): the file
     * itself, or a copy of the resource under {@code cacheDir}, made once.
     */
    public Path localPath(Path cacheDir) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("cannot read " + url + " as a file path", e);
            }
        }
        String fileName = Path.of(url.getPath()).getFileName().toString();
        Path copy = cacheDir.resolve(fileName);
        long size = url.openConnection().getContentLengthLong();
        if (Files.exists(copy) && Files.size(copy) == size) {
            return copy;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, fileName, ".part");
        try (InputStream in = open()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return copy;
    }
}
