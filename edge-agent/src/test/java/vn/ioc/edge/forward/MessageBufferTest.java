package vn.ioc.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class MessageBufferTest {

    private static final Logger log = LoggerFactory.getLogger(MessageBufferTest.class);
    private static final long BOUND = MessageBuffer.MIN_MAX_BYTES;

    @TempDir
    Path dir;

    private final List<MessageBuffer> opened = new ArrayList<>();

    @AfterEach
    void closeBuffers() {
        opened.forEach(MessageBuffer::abandon);
    }

    private MessageBuffer open(long bound) throws IOException {
        MessageBuffer b = MessageBuffer.open(dir, "hue-phuhoi", bound);
        opened.add(b);
        return b;
    }

    private static BufferedMessage message(long seq, Priority p, int size) {
        byte[] payload = new byte[size];
        byte[] text = ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, payload, 0, Math.min(text.length, size));
        return new BufferedMessage(seq, p, "ioc/v1/hue-phuhoi/sensor/loop-1/obs", payload);
    }

    private static List<BufferedMessage> drain(MessageBuffer b, boolean deliver) throws IOException {
        List<BufferedMessage> out = new ArrayList<>();
        for (BufferedMessage m = b.next(); m != null; m = b.next()) {
            out.add(m);
            if (deliver) {
                b.delivered(m);
            }
        }
        return out;
    }

    private static List<Long> seqs(List<BufferedMessage> ms) {
        return ms.stream().map(BufferedMessage::seq).toList();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void recordsComeOutInAppendOrderAcrossSegmentsAndDeliveredSegmentsAreDeleted() throws IOException {
        MessageBuffer b = open(BOUND);
        Priority[] cycle = {Priority.READING, Priority.STATISTICS, Priority.EVENT};
        for (int i = 1; i <= 1500; i++) {
            b.append(message(i, cycle[i % 3], 100));
        }
        assertThat(segmentFiles()).as("more than one segment").hasSizeGreaterThan(1);
        assertThat(b.depth()).isEqualTo(1500);

        List<BufferedMessage> got = drain(b, true);

        assertThat(seqs(got)).hasSize(1500).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(1500L);
        assertThat(got.get(41).priority()).isEqualTo(cycle[42 % 3]);
        assertThat(new String(got.get(41).payload(), StandardCharsets.US_ASCII)).startsWith("{\"seq\":42}");
        assertThat(b.depth()).isZero();
        assertThat(segmentFiles()).as("only the segment being written is left").hasSize(1);
    }

    @Test
    void aFullBufferDropsTheOldestStatisticsAndKeepsReadingsWhileStatisticsSuffice() throws IOException {
        MessageBuffer b = open(BOUND);
        List<Long> statistics = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        // 1.5 times the bound: half statistics, a quarter readings, a quarter events.
        int n = (int) (BOUND * 3 / 2 / 1000);
        for (int i = 1; i <= n; i++) {
            Priority p = i % 4 == 0 ? Priority.READING : i % 4 == 1 ? Priority.EVENT : Priority.STATISTICS;
            b.append(message(i, p, 1000 - 60));
            (p == Priority.STATISTICS ? statistics : others).add((long) i);
        }

        List<BufferedMessage> kept = drain(b, false);

        assertThat(b.bytes()).isLessThanOrEqualTo(BOUND);
        assertThat(b.dropped(Priority.STATISTICS)).isPositive();
        assertThat(b.dropped(Priority.READING)).isZero();
        assertThat(seqs(kept)).isSorted().containsAll(others);
        List<Long> keptStatistics = kept.stream().filter(m -> m.priority() == Priority.STATISTICS).map(BufferedMessage::seq).toList();
        assertThat(keptStatistics).as("the newest statistics are kept, the oldest dropped")
                .isEqualTo(statistics.subList(statistics.size() - keptStatistics.size(), statistics.size()));
        assertThat(keptStatistics.size() + b.dropped(Priority.STATISTICS)).isEqualTo(statistics.size());
    }

    @Test
    void readingsAreDroppedOldestFirstOnlyOnceNoStatisticsAreLeftAndEventsNever() throws IOException {
        MessageBuffer b = open(BOUND);
        List<Long> readings = new ArrayList<>();
        List<Long> events = new ArrayList<>();
        int n = (int) (BOUND * 3 / 1000);
        for (int i = 1; i <= n; i++) {
            Priority p = Priority.values()[i % 3];
            b.append(message(i, p, 1000 - 60));
            if (p == Priority.READING) {
                readings.add((long) i);
            } else if (p == Priority.EVENT) {
                events.add((long) i);
            }
        }

        List<BufferedMessage> kept = drain(b, false);

        assertThat(b.bytes()).isLessThanOrEqualTo(BOUND);
        assertThat(b.dropped(Priority.READING)).isPositive();
        assertThat(kept.stream().filter(m -> m.priority() == Priority.EVENT).map(BufferedMessage::seq).toList()).isEqualTo(events);
        List<Long> keptReadings = kept.stream().filter(m -> m.priority() == Priority.READING).map(BufferedMessage::seq).toList();
        assertThat(keptReadings).isEqualTo(readings.subList(readings.size() - keptReadings.size(), readings.size()));
        long newestDroppedReading = readings.get(readings.size() - keptReadings.size() - 1);
        assertThat(kept.stream().filter(m -> m.priority() == Priority.STATISTICS).map(BufferedMessage::seq))
                .as("statistics went first: any kept came after the last reading was dropped")
                .allMatch(seq -> seq > newestDroppedReading);
    }

    @Test
    void eventsAloneMayExceedTheBoundAndAreAllKept() throws IOException {
        MessageBuffer b = open(BOUND);
        int n = (int) (BOUND * 2 / 1000);
        for (int i = 1; i <= n; i++) {
            b.append(message(i, Priority.EVENT, 1000 - 60));
        }

        assertThat(b.bytes()).isGreaterThan(BOUND);
        assertThat(seqs(drain(b, false))).hasSize(n).isSorted();
        assertThat(b.dropped(Priority.STATISTICS) + b.dropped(Priority.READING)).isZero();
    }

    @Test
    void messagesAlreadyReadBySenderAreNotDropped() throws IOException {
        MessageBuffer b = open(BOUND);
        for (int i = 1; i <= 10; i++) {
            b.append(message(i, Priority.STATISTICS, 1000 - 60));
        }
        List<BufferedMessage> inFlight = List.of(b.next(), b.next(), b.next());
        for (int i = 11; i <= BOUND * 2 / 1000; i++) {
            b.append(message(i, Priority.STATISTICS, 1000 - 60));
        }

        BufferedMessage after = b.next();
        inFlight.forEach(m -> {
            try {
                b.delivered(m);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });

        assertThat(b.dropped(Priority.STATISTICS)).isPositive();
        assertThat(after.seq()).as("the reader goes on after what it had read, at the oldest kept").isGreaterThan(3);
        assertThat(b.depth()).isEqualTo(1 + drain(b, false).size());
    }

    @Test
    void reopeningGivesTheUndeliveredRecordsInOrder() throws IOException {
        MessageBuffer b = open(BOUND);
        for (int i = 1; i <= 500; i++) {
            b.append(message(i, Priority.READING, 200));
        }
        for (int i = 0; i < 200; i++) {
            b.delivered(b.next());
        }
        b.next(); // read but not acknowledged: must come again
        b.close();

        MessageBuffer again = open(BOUND);

        assertThat(again.depth()).isEqualTo(300);
        assertThat(again.lastSeq()).isEqualTo(500);
        List<BufferedMessage> rest = drain(again, false);
        assertThat(seqs(rest)).hasSize(300).startsWith(201L).endsWith(500L).isSorted();
        assertThat(rest.get(0).topic()).isEqualTo("ioc/v1/hue-phuhoi/sensor/loop-1/obs");
    }

    @Test
    void aCrashBeforeTheDeliveredMarkIsWrittenSendsSomeAgainAndLosesNothing() throws IOException {
        MessageBuffer b = open(BOUND);
        for (int i = 1; i <= 100; i++) {
            b.append(message(i, Priority.READING, 200));
        }
        for (int i = 0; i < 30; i++) {
            b.delivered(b.next());
        }
        b.sync();
        for (int i = 0; i < 20; i++) {
            b.delivered(b.next());
        }
        b.abandon(); // the last 20 acknowledgements were not recorded

        assertThat(seqs(drain(open(BOUND), false))).hasSize(70).startsWith(31L).endsWith(100L);
    }

    @Test
    void aTornLastRecordIsSkippedAndAppendingGoesOn() throws IOException {
        MessageBuffer b = open(BOUND);
        for (int i = 1; i <= 10; i++) {
            b.append(message(i, Priority.READING, 200));
        }
        b.close();
        Path last = segmentFiles().get(segmentFiles().size() - 1);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 50); // the crash came halfway through the last write
        }

        MessageBuffer again = open(BOUND);
        again.append(message(11, Priority.READING, 200));

        assertThat(seqs(drain(again, false))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
    }

    @Test
    void aLastRecordWithABadChecksumIsSkipped() throws IOException {
        MessageBuffer b = open(BOUND);
        for (int i = 1; i <= 5; i++) {
            b.append(message(i, Priority.EVENT, 200));
        }
        b.close();
        Path last = segmentFiles().get(0);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x7f}), ch.size() - 3);
        }

        assertThat(seqs(drain(open(BOUND), false))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void appendingAndSendingOutrunsAnAgentByFar() throws IOException {
        MessageBuffer b = open(64L * 1024 * 1024);
        int n = 100_000;
        long t0 = System.nanoTime();
        long lastForce = t0;
        for (int i = 1; i <= n; i++) {
            b.append(message(i, Priority.READING, 120));
            if (System.nanoTime() - lastForce > 200_000_000L) {
                b.sync();
                lastForce = System.nanoTime();
            }
        }
        b.sync();
        double appendRate = n / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        assertThat(drain(b, true)).hasSize(n);
        b.sync();
        double readRate = n / ((System.nanoTime() - t1) / 1e9);
        log.info("disk buffer: {} appends/s (fsync every 200 ms), {} reads+deliveries/s", Math.round(appendRate), Math.round(readRate));

        assertThat(appendRate).as("appends per second").isGreaterThan(10_000);
        assertThat(readRate).as("reads per second").isGreaterThan(10_000);
    }
}
