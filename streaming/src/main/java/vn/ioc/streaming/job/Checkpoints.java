package vn.ioc.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finding the checkpoint to restore from in a local checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}, or a job's own directory): the most recent
 * complete one. A running job deletes the checkpoints its new ones replace, so an entry may
 * vanish while this looks; such an entry is simply not a candidate.
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static Optional<Path> latest(Path directory) {
        List<Path> complete = new ArrayList<>();
        collect(directory, 2, complete);
        return complete.stream()
                .max(Comparator.comparing((Path p) -> lastModified(p.resolve("_metadata"))).thenComparing(Checkpoints::number));
    }

    private static void collect(Path directory, int depth, List<Path> complete) {
        for (Path p : list(directory)) {
            if (p.getFileName().toString().startsWith("chk-")) {
                if (Files.exists(p.resolve("_metadata"))) {
                    complete.add(p);
                }
            } else if (depth > 1 && Files.isDirectory(p)) {
                collect(p, depth - 1, complete);
            }
        }
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return List.of();
            }
            throw e;
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
            return 0; // deleted meanwhile: the oldest of all
        }
    }
}
