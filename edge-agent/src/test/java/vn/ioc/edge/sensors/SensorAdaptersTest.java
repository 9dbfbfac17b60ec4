package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.edge.InvalidConfigException;

/** Configuration errors say where, which key, what was expected and what was found. */
class SensorAdaptersTest {

    @TempDir
    Path dir;

    private SensorAdapter create(String yaml) throws InvalidConfigException {
        return new SensorAdapters(SensorAdapters.filesIn(dir), Clock.systemUTC())
                .create("s1", new YAMLMapper().readTree(yaml), "sensor 's1'");
    }

    @Test
    void filesAreFoundRelativeToTheConfigurationFolder() throws Exception {
        Files.writeString(dir.resolve("level.csv"), "timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 00:01:00,2\n");
        SensorAdapter a = create("{type: csv, series: [{metric: water_level, unit: cm, file: level.csv}]}");
        assertThat(a.sensorId()).isEqualTo("s1");
        assertThat(((ReplayAdapter) a).recording().batches()).hasSize(2);
    }

    @Test
    void unknownTypeThrowsException() {
        assertThatThrownBy(() -> create("{type: modbus}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("sensor 's1': 'type' expected one of 'csv', 'senml', 'http' or 'modbus-rtu' but was 'modbus'");
    }

    @Test
    void missingFileThrowsExceptionNamingTheSeries() {
        assertThatThrownBy(() -> create("{type: csv, series: [{metric: speed, unit: km/h, file: none.csv}]}"))
                .hasMessage("sensor 's1', series[0]: 'file' expected an existing file (relative to the configuration, or classpath:…) but was 'none.csv'");
    }

    @Test
    void badFileContentThrowsExceptionWithTheLine() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2026-01-01 00:00:00,1\nyesterday,2\n");
        assertThatThrownBy(() -> create("{type: csv, series: [{metric: speed, unit: km/h, file: bad.csv}]}"))
                .hasMessageContaining("bad.csv line 3");
    }

    @Test
    void invalidMetricUnitPointerAndUrlThrowException() {
        assertThatThrownBy(() -> create("{type: http, url: 'http://x/a', metrics: [{metric: 'pm 2.5', pointer: /a, unit: x}]}"))
                .hasMessageContaining("metrics[0]: 'metric' expected a metric name");
        assertThatThrownBy(() -> create("{type: http, url: 'http://x/a', metrics: [{metric: pm2_5, pointer: a/b, unit: x}]}"))
                .hasMessageContaining("'pointer' expected a JSON Pointer");
        assertThatThrownBy(() -> create("{type: http, url: 'ftp://x/a', metrics: [{metric: pm2_5, pointer: /a, unit: x}]}"))
                .hasMessageContaining("'url' expected an http:// or https:// URL but was 'ftp://x/a'");
        assertThatThrownBy(() -> create("{type: http, url: 'http://x/a', metrics: []}"))
                .hasMessageContaining("'metrics' expected a non-empty list");
        assertThatThrownBy(() -> create("{type: senml, file: a.json, speed: 2}"))
                .hasMessageContaining("unknown field 'speed'");
    }

    @Test
    void unconvertibleRecordedUnitThrowsException() throws Exception {
        Files.writeString(dir.resolve("s.csv"), "timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 00:01:00,2\n");
        assertThatThrownBy(() -> create("{type: csv, series: [{metric: speed, unit: km/h, recordedUnit: knots, file: s.csv}]}"))
                .hasMessageContaining("'recordedUnit' expected a unit that converts to 'km/h' but was 'knots'");
    }
}
