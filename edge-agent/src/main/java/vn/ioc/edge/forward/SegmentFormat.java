package vn.ioc.edge.forward;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The layout of a buffer segment file: an 8-byte header {@code IOCSFWD1}, then records
 *
 * <pre>
 *   int   body length (big-endian)
 *   int   CRC-32C of the body
 *   body: byte priority code, long seq, unsigned short topic length, topic (UTF-8), payload
 * </pre>
 *
 * A record is written with one {@code write}; a crash can leave only the last record of the
 * newest segment torn, and its length or checksum then fails to match.
 */
final class SegmentFormat {

    static final byte[] MAGIC = {'I', 'O', 'C', 'S', 'F', 'W', 'D', '1'};
    static final int HEADER = MAGIC.length;
    static final int FRAME = 8;
    private static final int FIXED_BODY = 1 + 8 + 2;
    /** Far above any event with its snapshot; a larger length can only be damage. */
    static final int MAX_BODY = 64 * 1024 * 1024;

    /** A record read back, and where the next one starts. */
    record Framed(BufferedMessage message, long next) {
    }

    private SegmentFormat() {
    }

    static ByteBuffer header() {
        return ByteBuffer.wrap(MAGIC.clone());
    }

    static int size(BufferedMessage m) {
        return FRAME + FIXED_BODY + m.topic().getBytes(StandardCharsets.UTF_8).length + m.payload().length;
    }

    static ByteBuffer frame(BufferedMessage m) {
        byte[] topic = m.topic().getBytes(StandardCharsets.UTF_8);
        if (topic.length > 0xffff) {
            throw new IllegalArgumentException("expected a topic of at most 65535 bytes but was " + topic.length);
        }
        int body = FIXED_BODY + topic.length + m.payload().length;
        if (body > MAX_BODY) {
            throw new IllegalArgumentException("expected a message of at most " + MAX_BODY + " bytes but was " + body);
        }
        ByteBuffer b = ByteBuffer.allocate(FRAME + body);
        b.putInt(body).putInt(0);
        b.put((byte) m.priority().code()).putLong(m.seq()).putShort((short) topic.length).put(topic).put(m.payload());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), FRAME, body);
        b.putInt(4, (int) crc.getValue());
        return b.flip();
    }

    static boolean hasHeader(FileChannel ch) throws IOException {
        if (ch.size() < HEADER) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        readFully(ch, b, 0);
        return Arrays.equals(b.array(), MAGIC);
    }

    /** The record at {@code offset}, or null where what is left before {@code end} is not one whole, intact record. */
    static Framed read(FileChannel ch, long offset, long end) throws IOException {
        if (end - offset < FRAME) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(FRAME);
        readFully(ch, head, offset);
        int body = head.getInt(0);
        if (body < FIXED_BODY || body > MAX_BODY || body > end - offset - FRAME) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(body);
        readFully(ch, b, offset + FRAME);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, body);
        if ((int) crc.getValue() != head.getInt(4)) {
            return null;
        }
        Priority priority = Priority.ofCode(b.get(0));
        int topicLength = b.getShort(9) & 0xffff;
        if (priority == null || FIXED_BODY + topicLength > body) {
            return null;
        }
        String topic = new String(b.array(), FIXED_BODY, topicLength, StandardCharsets.UTF_8);
        byte[] payload = Arrays.copyOfRange(b.array(), FIXED_BODY + topicLength, body);
        return new Framed(new BufferedMessage(b.getLong(1), priority, topic, payload), offset + FRAME + body);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new EOFException("segment ended at " + p);
            }
            p += n;
        }
    }
}
