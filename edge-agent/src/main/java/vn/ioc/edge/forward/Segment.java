package vn.ioc.edge.forward;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One file of the buffer and what the buffer knows of it without reading it: its size, its
 * highest sequence number and how many undelivered records of each priority it holds.
 */
final class Segment {

    static final String SUFFIX = ".seg";

    final Path path;
    final long name;
    FileChannel channel;
    long size;
    long lastSeq = -1;
    final int[] undelivered = new int[Priority.values().length];

    Segment(Path path, long name, FileChannel channel, long size) {
        this.path = path;
        this.name = name;
        this.channel = channel;
        this.size = size;
    }

    static String fileName(long name) {
        return String.format("%020d%s", name, SUFFIX);
    }

    boolean hasRecords() {
        return lastSeq >= 0;
    }

    int undelivered() {
        int n = 0;
        for (int c : undelivered) {
            n += c;
        }
        return n;
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // the file is being dropped or the agent is stopping
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
