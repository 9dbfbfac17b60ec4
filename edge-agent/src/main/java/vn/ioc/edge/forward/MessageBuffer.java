package vn.ioc.edge.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's messages on their way to the broker, on disk: a FIFO of append-only segment
 * files ({@link SegmentFormat}) in one directory, read from the head by one sender, with
 * the last acknowledged sequence number kept beside them ({@link DeliveredMark}).
 *
 * <p><b>Bound.</b> The segments may take at most {@code maxBytes}. An append that would pass
 * it first drops the oldest {@link Priority#STATISTICS}, then the oldest
 * {@link Priority#READING}s, a little more than needed (1/32 of the bound) so that the next
 * appends do not each rewrite a segment. Dropping rewrites a segment without those records
 * (a new file, fsync, atomic rename). Events are never dropped: when only events are left
 * the buffer grows past its bound and says so once per episode.
 *
 * <p><b>Durability.</b> An append is one {@code write}, in the operating system's hands
 * at once: a crash of the process loses nothing. {@link #force()} puts it on the disk; the
 * caller decides how often, and a power cut loses what came after the last force. A torn
 * last record is cut off when the directory is opened again.
 *
 * <p>Not thread-safe beyond what its owner needs: appends and reads are serialised here,
 * {@link #force()} and {@link #sync()} may run on another thread.
 */
public final class MessageBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageBuffer.class);
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final long MIN_MAX_BYTES = 256 * 1024;
    private static final long MAX_SEGMENT_BYTES = 8L * 1024 * 1024;
    private static final long DROP_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    private static final Priority[] DROP_ORDER = {Priority.STATISTICS, Priority.READING};

    private final Path dir;
    private final String agent;
    private final long maxBytes;
    private final long segmentBytes;
    private final DeliveredMark mark;
    private final Object markLock = new Object();
    private final List<Segment> segments = new ArrayList<>();
    private final long[] dropped = new long[Priority.values().length];
    private final BufferAge age = new BufferAge();
    private long bytes;
    private long depth;
    private long lastSeq;
    private long lastRead;
    private long delivered;
    private long markWritten;
    private Segment readSegment;
    private long readOffset;
    private boolean unforced;
    private boolean overBound;
    private boolean closed;
    private long droppedSinceLog;
    private long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL_NANOS;

    private MessageBuffer(Path dir, String agent, long maxBytes) {
        this.dir = dir;
        this.agent = agent;
        this.maxBytes = maxBytes;
        // Sixteen segments to the bound: dropping rewrites one segment, a small share of the whole.
        this.segmentBytes = Math.max(MIN_MAX_BYTES / 4, Math.min(MAX_SEGMENT_BYTES, maxBytes / 16));
        this.mark = new DeliveredMark(dir);
    }

    /**
     * Opens the buffer in {@code dir}, creating it if needed, with every record not yet
     * delivered ready to be read again in order.
     */
    public static MessageBuffer open(Path dir, String agent, long maxBytes) throws IOException {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("expected a buffer bound of at least " + MIN_MAX_BYTES + " bytes but was " + maxBytes);
        }
        Files.createDirectories(dir);
        MessageBuffer b = new MessageBuffer(dir, agent, maxBytes);
        b.recover();
        return b;
    }

    private void recover() throws IOException {
        delivered = mark.read();
        markWritten = delivered;
        lastSeq = delivered;
        lastRead = delivered;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}\\" + Segment.SUFFIX)).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            recover(files.get(i), i == files.size() - 1);
        }
        if (readSegment == null && !segments.isEmpty()) {
            readSegment = segments.get(segments.size() - 1);
            readOffset = readSegment.size;
        }
        if (depth > 0) {
            age.appended(delivered + 1, System.nanoTime());
            log.info("{}: disk buffer {} holds {} undelivered messages ({} bytes) after seq {}", agent, dir, depth, bytes, delivered);
        }
    }

    private void recover(Path path, boolean newest) throws IOException {
        String name = path.getFileName().toString();
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (!SegmentFormat.hasHeader(ch)) {
            ch.close();
            if (Files.size(path) <= SegmentFormat.HEADER) {
                Files.delete(path); // created, but a crash came before its header was whole
            } else {
                Files.move(path, path.resolveSibling(name + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
                log.error("{}: {} is not a buffer segment; moved aside as {}.damaged", agent, path, name);
            }
            return;
        }
        Segment s = new Segment(path, Long.parseLong(name.substring(0, 20)), ch, ch.size());
        long offset = SegmentFormat.HEADER;
        for (SegmentFormat.Framed f = SegmentFormat.read(ch, offset, s.size); f != null; f = SegmentFormat.read(ch, offset, s.size)) {
            BufferedMessage m = f.message();
            if (m.seq() <= s.lastSeq || (s.lastSeq < 0 && m.seq() <= lastSeqOfEarlierSegments())) {
                break; // out of order: damage, treated as the end of what can be trusted
            }
            s.lastSeq = m.seq();
            lastSeq = Math.max(lastSeq, m.seq());
            if (m.seq() > delivered) {
                s.undelivered[m.priority().ordinal()]++;
                depth++;
                if (readSegment == null) {
                    readSegment = s;
                    readOffset = offset;
                }
            }
            offset = f.next();
        }
        if (offset < s.size) {
            long cut = s.size - offset;
            if (newest) {
                log.warn("{}: {} ends in {} bytes that are no whole record (written when the agent stopped); skipped", agent, path, cut);
            } else {
                log.error("{}: {} is damaged at byte {}; the {} bytes after it cannot be read and are skipped", agent, path, offset, cut);
            }
            ch.truncate(offset);
            s.size = offset;
        }
        bytes += s.size;
        segments.add(s);
        if (!newest && s.undelivered() == 0) {
            remove(s);
        }
    }

    private long lastSeqOfEarlierSegments() {
        return segments.isEmpty() ? Long.MIN_VALUE : segments.get(segments.size() - 1).lastSeq;
    }

    /** Appends {@code m}, whose seq must be above every seq appended before; makes room first when full. */
    public synchronized void append(BufferedMessage m) throws IOException {
        ensureOpen();
        if (m.seq() <= lastSeq) {
            throw new IllegalArgumentException("expected a sequence number above " + lastSeq + " but was " + m.seq());
        }
        ByteBuffer frame = SegmentFormat.frame(m);
        makeRoom(frame.remaining());
        Segment active = active();
        if (active == null || active.size >= segmentBytes) {
            active = roll(m.seq());
        }
        long at = active.size;
        while (frame.hasRemaining()) {
            at += active.channel.write(frame, at);
        }
        bytes += at - active.size;
        active.size = at;
        active.lastSeq = m.seq();
        active.undelivered[m.priority().ordinal()]++;
        depth++;
        lastSeq = m.seq();
        age.appended(m.seq(), System.nanoTime());
        unforced = true;
    }

    /** The next record after the last one read, or null when every record has been read. */
    public synchronized BufferedMessage next() throws IOException {
        ensureOpen();
        while (true) {
            if (readSegment == null) {
                if (segments.isEmpty()) {
                    return null;
                }
                readSegment = segments.get(0);
                readOffset = SegmentFormat.HEADER;
            }
            if (readOffset < readSegment.size) {
                SegmentFormat.Framed f = SegmentFormat.read(readSegment.channel, readOffset, readSegment.size);
                if (f == null) {
                    throw new IOException(readSegment.path + ": no whole record at byte " + readOffset);
                }
                readOffset = f.next();
                if (f.message().seq() > lastRead) {
                    lastRead = f.message().seq();
                    return f.message();
                }
                continue;
            }
            int i = segments.indexOf(readSegment);
            if (i + 1 >= segments.size()) {
                return null;
            }
            readSegment = segments.get(i + 1);
            readOffset = SegmentFormat.HEADER;
        }
    }

    /**
     * The broker has {@code m}, and every record read before it is delivered too (or given
     * up): segments holding nothing undelivered are deleted.
     */
    public synchronized void delivered(BufferedMessage m) throws IOException {
        ensureOpen();
        if (m.seq() <= delivered) {
            return;
        }
        delivered = m.seq();
        for (Segment s : segments) {
            if (s.lastSeq >= m.seq()) {
                s.undelivered[m.priority().ordinal()]--;
                depth--;
                break;
            }
        }
        age.delivered(delivered, depth);
        Segment active = active();
        for (Segment s : List.copyOf(segments)) {
            if (s != active && s.undelivered() == 0) {
                remove(s);
            }
        }
    }

    /** Puts what was appended on the disk (fsync of the segment being written). */
    public void force() throws IOException {
        FileChannel ch;
        synchronized (this) {
            if (closed || !unforced || active() == null) {
                return;
            }
            unforced = false;
            ch = active().channel;
        }
        try {
            ch.force(false); // outside the lock: appends go on while the disk catches up
        } catch (ClosedChannelException e) {
            // rolled or rewritten meanwhile, and forced then
        }
    }

    /** {@link #force()}, then records how far delivery has come, so a restart does not send it again. */
    public void sync() throws IOException {
        force();
        synchronized (markLock) {
            long d;
            synchronized (this) {
                if (closed) {
                    return;
                }
                d = delivered;
            }
            if (d != markWritten) {
                mark.write(d);
                markWritten = d;
            }
        }
    }

    /** Messages not yet delivered (read but unacknowledged ones included). */
    public synchronized long depth() {
        return depth;
    }

    /** How long the oldest message not yet delivered has waited (to within a second); zero when none waits. */
    public synchronized Duration oldestAge() {
        return Duration.ofNanos(age.oldestNanos(System.nanoTime()));
    }

    /** Bytes the segment files take. */
    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The highest sequence number in the buffer or delivered from it: a restarted agent numbers on above it. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Messages of {@code priority} dropped to keep the bound, since this buffer was opened. */
    public synchronized long dropped(Priority priority) {
        return dropped[priority.ordinal()];
    }

    private void makeRoom(int needed) throws IOException {
        if (bytes + needed <= maxBytes) {
            overBound = false;
            return;
        }
        long toFree = bytes + needed - maxBytes + maxBytes / 32;
        for (Priority p : DROP_ORDER) {
            for (Segment s : List.copyOf(segments)) {
                if (toFree <= 0) {
                    return;
                }
                if (s.undelivered[p.ordinal()] > 0) {
                    toFree -= dropFrom(s, p, toFree);
                }
            }
        }
        if (bytes + needed > maxBytes && !overBound) {
            overBound = true;
            log.error("{}: disk buffer {} is over its bound of {} bytes and holds only events ({} messages); "
                    + "events are never dropped, so it grows until the broker is back", agent, dir, maxBytes, depth);
        }
    }

    /**
     * Rewrites {@code s} without its oldest records of {@code priority}, up to {@code toFree}
     * bytes of them; records already read by the sender stay. Returns the bytes freed.
     */
    private long dropFrom(Segment s, Priority priority, long toFree) throws IOException {
        if (s == active()) {
            roll(lastSeq + 1); // appends go to a new file; this one may now be replaced
        }
        Path tmp = s.path.resolveSibling(s.path.getFileName() + ".tmp");
        long freed = 0;
        int count = 0;
        long first = -1;
        long last = -1;
        long kept = SegmentFormat.HEADER;
        long keptLastSeq = -1;
        long newReadOffset = -1;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, SegmentFormat.header(), 0);
            long offset = SegmentFormat.HEADER;
            for (SegmentFormat.Framed f = SegmentFormat.read(s.channel, offset, s.size); f != null;
                    f = SegmentFormat.read(s.channel, offset, s.size)) {
                BufferedMessage m = f.message();
                long length = f.next() - offset;
                offset = f.next();
                if (m.seq() <= delivered) {
                    continue; // delivered already: nothing to keep
                }
                if (m.priority() == priority && m.seq() > lastRead && freed < toFree) {
                    freed += length;
                    count++;
                    first = first < 0 ? m.seq() : first;
                    last = m.seq();
                    continue;
                }
                if (s == readSegment && newReadOffset < 0 && m.seq() > lastRead) {
                    newReadOffset = kept;
                }
                kept += writeFully(out, SegmentFormat.frame(m), kept);
                keptLastSeq = m.seq();
            }
            if (count == 0) {
                out.close();
                Files.delete(tmp);
                return 0;
            }
            out.force(true);
        }
        s.closeQuietly();
        Files.move(tmp, s.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        s.channel = FileChannel.open(s.path, StandardOpenOption.READ);
        bytes += kept - s.size;
        s.size = kept;
        s.lastSeq = keptLastSeq;
        s.undelivered[priority.ordinal()] -= count;
        depth -= count;
        age.delivered(delivered, depth);
        dropped[priority.ordinal()] += count;
        if (s == readSegment) {
            readOffset = newReadOffset < 0 ? kept : newReadOffset;
        }
        if (s.undelivered() == 0) {
            remove(s);
        }
        logDrop(priority, count, first, last);
        return freed;
    }

    private void logDrop(Priority priority, int count, long first, long last) {
        droppedSinceLog += count;
        long now = System.nanoTime();
        if (now - lastDropLog >= DROP_LOG_INTERVAL_NANOS) {
            log.warn("{}: disk buffer full ({} KiB): dropped the {} oldest {} messages (seq {}..{}), {} since the last report; "
                            + "dropped in all: {} statistics, {} readings",
                    agent, maxBytes / 1024, count, priority.name().toLowerCase(Locale.ROOT), first, last, droppedSinceLog,
                    dropped[Priority.STATISTICS.ordinal()], dropped[Priority.READING.ordinal()]);
            lastDropLog = now;
            droppedSinceLog = 0;
        }
    }

    private Segment active() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    private Segment roll(long firstSeq) throws IOException {
        Segment previous = active();
        Path path = dir.resolve(Segment.fileName(firstSeq));
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = writeFully(ch, SegmentFormat.header(), 0);
        Segment s = new Segment(path, firstSeq, ch, size);
        segments.add(s);
        bytes += size;
        if (previous != null) {
            previous.channel.force(false); // its last appends, not forced by sync() any more
            if (previous.undelivered() == 0) {
                remove(previous);
            }
        }
        return s;
    }

    private void remove(Segment s) throws IOException {
        int i = segments.indexOf(s);
        segments.remove(i);
        s.closeQuietly();
        Files.deleteIfExists(s.path);
        bytes -= s.size;
        if (readSegment == s) {
            readSegment = i < segments.size() ? segments.get(i) : null;
            readOffset = SegmentFormat.HEADER;
        }
    }

    private static long writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
        return p - position;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("disk buffer " + dir + " is closed");
        }
    }

    /** Forces, records the delivered position and closes the files. */
    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            abandon();
        }
    }

    /** Closes the files as a crash would leave them: nothing forced, the delivered mark as last written. */
    synchronized void abandon() {
        closed = true;
        segments.forEach(Segment::closeQuietly);
    }
}
