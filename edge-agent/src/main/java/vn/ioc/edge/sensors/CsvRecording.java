package vn.ioc.edge.sensors;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import vn.ioc.edge.SeriesFile;
import vn.ioc.ingest.contract.Measurement;

/**
 * One metric recorded in NAB's CSV layout ({@code timestamp,value}, local times without a
 * zone; see {@link SeriesFile}), read as readings of that metric.
 */
public final class CsvRecording {

    private CsvRecording() {
    }

    /**
     * @param name  what errors call the file
     * @param scale what each value is multiplied by, e.g. 1.609344 for mph recorded, km/h sent
     * @param zone  the zone the file's local times were recorded in
     * @throws IOException when the file is not {@code timestamp,value} rows
     */
    public static List<Measurement> read(String name, InputStream in, String metric, String unit, double scale, ZoneId zone)
            throws IOException {
        SeriesFile file = SeriesFile.read(name, in);
        List<Measurement> out = new ArrayList<>(file.size());
        for (SeriesFile.Row row : file.rows()) {
            out.add(new Measurement(metric, unit, row.value() * scale, row.time().atZone(zone).toInstant()));
        }
        return out;
    }
}
