package vn.ioc.console.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.NotFoundException;
import vn.ioc.ingest.store.ObservationStore;

/**
 * One device's metric over the last hours, for the charts of an incident's evidence: at most a
 * day, in about {@value #POINTS} averaged points whatever the device's rate, so that a chart
 * never pulls a day of raw readings.
 */
@RestController
class SeriesController {

    static final int MAX_HOURS = 24;
    static final int POINTS = 360;
    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final DeviceRepository devices;
    private final SeriesRepository series;
    private final Clock clock;

    SeriesController(DeviceRepository devices, SeriesRepository series, Clock clock) {
        this.devices = devices;
        this.series = series;
        this.clock = clock;
    }

    record Point(Instant at, double value, int readings) {
    }

    record SeriesView(String site, String device, String metric, String unit, Instant from, Instant to, long bucketSeconds,
                      List<Point> points) {
    }

    @GetMapping("/api/devices/{site}/{device}/series")
    SeriesView series(@PathVariable String site, @PathVariable String device,
                      @RequestParam(required = false) String metric, @RequestParam(required = false) String hours) {
        if (metric == null || !METRIC.matcher(metric).matches()) {
            throw new BadRequestException("expected 'metric' to be a metric name (letters, digits, '_', '.', ':' or '-', at most 64) but was "
                    + (metric == null ? "nothing" : "'" + metric + "'"));
        }
        int h = hours(hours);
        devices.find(site, device).orElseThrow(() -> new NotFoundException("no device '" + device + "' at site '" + site + "'"));
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant from = to.minus(Duration.ofHours(h));
        Duration bucket = Duration.ofHours(h).dividedBy(POINTS);
        ObservationStore.Series s = series.series(site, device, metric, from, to, bucket);
        return new SeriesView(site, device, metric, s.unit(), from, to, s.bucket().toSeconds(),
                s.points().stream().map(p -> new Point(p.at(), p.value(), p.readings())).toList());
    }

    private static int hours(String hours) {
        if (hours == null) {
            return 6;
        }
        try {
            int h = Integer.parseInt(hours);
            if (h >= 1 && h <= MAX_HOURS) {
                return h;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequestException("expected 'hours' to be a whole number from 1 to " + MAX_HOURS + " but was '" + hours + "'");
    }
}
