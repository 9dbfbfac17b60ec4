package vn.ioc.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finding the checkpoint to restore from in a local checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}): the most recent complete one of any job.
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static Optional<Path> latest(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(directory, 3, (p, a) -> p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.map(Path::getParent)
                    .max(Comparator.comparing((Path p) -> lastModified(p.resolve("_metadata"))).thenComparing(Checkpoints::number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring(4));
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
