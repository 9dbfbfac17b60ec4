package vn.ioc.edge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recorded series in NAB's CSV layout: a header {@code timestamp,value}, then one row per
 * reading with a local time {@code 2015-09-01 11:25:00} (NAB gives no zone) and a number.
 * Rows are kept in file order, which is the order they are replayed in.
 */
public final class SeriesFile {

    public record Row(LocalDateTime time, double value) {
    }

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final List<Row> rows;
    private final Duration typicalGap;

    private SeriesFile(String name, List<Row> rows) {
        this.name = name;
        this.rows = List.copyOf(rows);
        this.typicalGap = medianGap(this.rows);
    }

    /** @param name what errors call the file, e.g. {@code nab/realTraffic/speed_t4013.csv} */
    public static SeriesFile read(String name, InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.strip().equals("timestamp,value")) {
                throw new IOException(name + ": expected the header 'timestamp,value' but was " + quote(header));
            }
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(row(name, lineNo, line));
                }
            }
        }
        if (rows.size() < 2) {
            throw new IOException(name + ": expected at least 2 rows to replay but was " + rows.size());
        }
        return new SeriesFile(name, rows);
    }

    private static Row row(String name, int lineNo, String line) throws IOException {
        String[] cells = line.split(",", -1);
        if (cells.length != 2) {
            throw new IOException(name + " line " + lineNo + ": expected 'timestamp,value' but was " + quote(line));
        }
        try {
            double value = Double.parseDouble(cells[1].strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return new Row(LocalDateTime.parse(cells[0].strip(), NAB_TIME), value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IOException(name + " line " + lineNo + ": expected 'yyyy-MM-dd HH:mm:ss,number' but was " + quote(line), e);
        }
    }

    public String name() {
        return name;
    }

    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public Row first() {
        return rows.get(0);
    }

    public Row last() {
        return rows.get(rows.size() - 1);
    }

    /**
     * The index of the first row at or after {@code start}.
     *
     * @throws IllegalArgumentException when every row is before {@code start}
     */
    public int indexAt(LocalDateTime start) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).time().isBefore(start)) {
                return i;
            }
        }
        throw new IllegalArgumentException("expected a start no later than the last row of " + name + " ("
                + last().time() + ") but was " + start);
    }

    /**
     * The recorded time from row {@code i} to the row replayed after it. Rows out of order
     * count as no gap; after the last row the replay wraps to the first, as if one
     * {@link #typicalGap()} later.
     */
    public Duration gapAfter(int i) {
        if (i == rows.size() - 1) {
            return typicalGap;
        }
        Duration gap = Duration.between(rows.get(i).time(), rows.get(i + 1).time());
        return gap.isNegative() ? Duration.ZERO : gap;
    }

    /** The median gap between rows: the sensor's reporting interval. */
    public Duration typicalGap() {
        return typicalGap;
    }

    private static Duration medianGap(List<Row> rows) {
        long[] seconds = new long[rows.size() - 1];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Math.max(0, Duration.between(rows.get(i).time(), rows.get(i + 1).time()).toSeconds());
        }
        Arrays.sort(seconds);
        return Duration.ofSeconds(Math.max(1, seconds[seconds.length / 2]));
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    @Override
    public String toString() {
        return name + " (" + rows.size() + " rows, " + first().time() + " to " + last().time() + ")";
    }
}
