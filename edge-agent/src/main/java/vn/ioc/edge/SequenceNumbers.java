package vn.ioc.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An agent's message numbers, increasing across restarts so that the store can recognise a
 * redelivered message. The file {@code {agent}.seq} holds the first number nobody may have
 * used yet. Numbers are reserved a block at a time: the file is moved past a block before
 * any number of it is handed out, so a crash loses at most the rest of a block and never
 * hands a number out twice. A clean {@link #close()} gives the unused rest back.
 */
public final class SequenceNumbers implements AutoCloseable {

    public static final int DEFAULT_BLOCK = 1000;

    private final Path file;
    private final int block;
    private long next;
    private long reservedUpTo;
    private boolean closed;

    private SequenceNumbers(Path file, int block, long first) {
        this.file = file;
        this.block = block;
        this.next = first;
        this.reservedUpTo = first;
    }

    public static SequenceNumbers open(Path stateDir, String agent) throws IOException {
        return open(stateDir, agent, DEFAULT_BLOCK);
    }

    public static SequenceNumbers open(Path stateDir, String agent, int block) throws IOException {
        if (block < 1) {
            throw new IllegalArgumentException("expected a block of at least 1 number but was " + block);
        }
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(agent + ".seq");
        long first = Files.exists(file) ? read(file) : 1;
        return new SequenceNumbers(file, block, first);
    }

    private static long read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": expected the next sequence number (a non-negative integer) but was '" + text
                    + "'; delete the file only if the store may see numbers again", e);
        }
    }

    /** The next number; persists a new reservation first when the block is used up. */
    public synchronized long next() {
        if (closed) {
            throw new IllegalStateException("sequence numbers of " + file + " are closed");
        }
        if (next >= reservedUpTo) {
            long upTo = next + block;
            write(upTo);
            reservedUpTo = upTo;
        }
        return next++;
    }

    /**
     * Makes the next number larger than {@code seq}: numbers already on disk elsewhere (an
     * agent's buffer) must not be handed out again, even if this file was lost or restored
     * from an old copy.
     */
    public synchronized void skipPast(long seq) {
        if (closed) {
            throw new IllegalStateException("sequence numbers of " + file + " are closed");
        }
        if (next <= seq) {
            next = seq + 1;
            reservedUpTo = next; // the next call reserves a block from here first
        }
    }

    /** Records where the numbering goes on, so a clean restart leaves no gap. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            write(next);
        }
    }

    private void write(long value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            // Rename over the old file: a crash leaves either the old or the new number, never half of one.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve sequence numbers in " + file, e);
        }
    }
}
