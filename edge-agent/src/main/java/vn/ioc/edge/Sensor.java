package vn.ioc.edge;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A sensor on a site, replaying one or more recorded series.
 *
 * @param type  the device type detector rules are configured by ({@code traffic-loop}, {@code travel-time})
 * @param start where in the recording the replay begins (series time, the recording's local time)
 */
public record Sensor(String id, String type, LocalDateTime start, List<MetricSeries> series) {

    public Sensor {
        series = List.copyOf(series);
    }
}
