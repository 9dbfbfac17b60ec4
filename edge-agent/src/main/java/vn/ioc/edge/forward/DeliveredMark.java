package vn.ioc.edge.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The highest sequence number the broker has acknowledged, with every lower one: what a
 * restarted agent no longer sends. Written behind the acknowledgements (fsync, then an atomic
 * rename), so a crash can only make it older, which redelivers a few messages and loses none.
 */
final class DeliveredMark {

    private final Path file;

    DeliveredMark(Path dir) {
        this.file = dir.resolve("delivered");
    }

    long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": expected the last delivered sequence number but was '" + text + "'", e);
        }
    }

    void write(long seq) throws IOException {
        Path tmp = file.resolveSibling("delivered.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((seq + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
