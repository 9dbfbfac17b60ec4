package vn.ioc.edge.sensors;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import vn.ioc.edge.ConfigNodes;
import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.Units;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;

/**
 * Builds a {@link SensorAdapter} from a sensor's {@code source} in the agent's configuration.
 * The {@code type} key chooses the adapter; every error names where it is and which key.
 *
 * <p>{@code type: csv} replays NAB-style {@code timestamp,value} files, one per metric:
 * <pre>{@code
 * source:
 *   type: csv
 *   speedup: 60            # recorded seconds per wall-clock second (default 1)
 *   loop: true             # start over after the last row (default false)
 *   zone: Asia/Ho_Chi_Minh # the zone of the files' local times (default UTC)
 *   timestamps: replay     # replay: readings carry the time they are sent (default);
 *                          # recorded: the time in the file
 *   series:
 *     - {metric: speed, unit: km/h, file: nab/speed_t4013.csv, recordedUnit: mph}  # or scale: 1.609344
 * }</pre>
 *
 * <p>{@code type: senml} replays a SenML JSON file (RFC 8428), with {@code file},
 * {@code speedup}, {@code loop} and {@code timestamps} as above.
 *
 * <p>{@code type: http} polls a JSON endpoint:
 * <pre>{@code
 * source:
 *   type: http
 *   url: http://10.0.0.9/api/air
 *   intervalSeconds: 60     # default 60
 *   timeoutSeconds: 10      # connect and answer, default 10
 *   headers: {Accept: application/json}
 *   metrics:
 *     - metric: pm2_5
 *       pointer: /data/pm25 # RFC 6901 JSON Pointer to the value
 *       unit: ug/m3
 *       scale: 1            # optional multiplier
 *       timePointer: /data/ts   # optional; without it the poll's time
 *       timeUnit: s             # s (default) or ms, for a numeric time
 * }</pre>
 *
 * <p>{@code type: modbus-rtu} reads registers of a Modbus RTU device:
 * <pre>{@code
 * source:
 *   type: modbus-rtu
 *   port: /dev/ttyUSB0      # a serial port, or instead
 *   # gateway: 10.0.0.12:502  a serial-to-Ethernet gateway passing RTU frames over TCP
 *   baud: 9600              # serial only; defaults 9600, dataBits 8, parity none, stopBits 1
 *   dataBits: 8
 *   parity: none            # none, even or odd
 *   stopBits: 1
 *   unitId: 1               # the device's address on the bus (default 1)
 *   intervalSeconds: 60     # default 60
 *   timeoutSeconds: 3       # default 3
 *   registers:
 *     - metric: water_level
 *       unit: cm
 *       address: 0          # zero-based, as on the wire
 *       table: holding      # holding (default) or input
 *       format: int16       # int16, uint16 (default), int32, uint32 or float32
 *       wordOrder: big      # 32-bit formats: big (high word first, default) or little
 *       scale: 0.1          # optional multiplier
 * }</pre>
 */
public final class SensorAdapters {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(10);
    private static final double MAX_SPEEDUP = 1_000_000;

    private static final Set<String> CSV_FIELDS = Set.of("type", "speedup", "loop", "zone", "timestamps", "series");
    private static final Set<String> CSV_SERIES_FIELDS = Set.of("metric", "unit", "file", "scale", "recordedUnit");
    private static final Set<String> SENML_FIELDS = Set.of("type", "speedup", "loop", "timestamps", "file");
    private static final Set<String> HTTP_FIELDS = Set.of("type", "url", "intervalSeconds", "timeoutSeconds", "headers", "metrics");
    private static final Set<String> MODBUS_FIELDS = Set.of("type", "port", "gateway", "baud", "dataBits", "parity", "stopBits",
            "unitId", "intervalSeconds", "timeoutSeconds", "registers");
    private static final Set<String> MODBUS_REGISTER_FIELDS = Set.of("metric", "unit", "address", "table", "format", "wordOrder", "scale");
    private static final Duration DEFAULT_MODBUS_TIMEOUT = Duration.ofSeconds(3);
    private static final Set<String> HTTP_METRIC_FIELDS = Set.of("metric", "pointer", "unit", "scale", "timePointer", "timeUnit");

    private final Function<String, URL> resolver;
    private final Clock clock;

    /**
     * @param resolver finds a configured file: its URL, or null when there is none ({@link #filesIn})
     */
    public SensorAdapters(Function<String, URL> resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    /**
     * Finds files relative to {@code dir} (the configuration's folder), or inside the agent's
     * jar for {@code classpath:name}.
     */
    public static Function<String, URL> filesIn(Path dir) {
        return name -> {
            if (name.startsWith("classpath:")) {
                return SensorAdapters.class.getClassLoader().getResource(name.substring("classpath:".length()));
            }
            Path p = dir.resolve(name);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        };
    }

    /**
     * @param sensorId the sensor's id on its site
     * @param source   the sensor's {@code source} node
     * @param at       where the node is, for messages, e.g. {@code site 'hue-duc', sensor 'air-1'}
     */
    public SensorAdapter create(String sensorId, JsonNode source, String at) throws InvalidConfigException {
        ConfigNodes.object(source, at);
        String type = ConfigNodes.string(source, "type", at);
        return switch (type) {
            case "csv" -> csv(sensorId, source, at);
            case "senml" -> senml(sensorId, source, at);
            case "http" -> http(sensorId, source, at);
            case "modbus-rtu" -> modbus(sensorId, source, at);
            default -> throw ConfigNodes.invalid(at, "type", "one of 'csv', 'senml', 'http' or 'modbus-rtu'", "'" + type + "'");
        };
    }

    private SensorAdapter csv(String sensorId, JsonNode n, String at) throws InvalidConfigException {
        ConfigNodes.onlyKnownFields(n, CSV_FIELDS, at);
        ZoneId zone = ZoneOffset.UTC;
        if (n.has("zone")) {
            String z = ConfigNodes.string(n, "zone", at);
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                throw ConfigNodes.invalid(at, "zone", "a time zone like 'Asia/Ho_Chi_Minh' or '+07:00'", "'" + z + "'");
            }
        }
        List<Measurement> readings = new ArrayList<>();
        for (MetricItem item : metricItems(n, "series", at, CSV_SERIES_FIELDS, "{metric, unit, file}")) {
            JsonNode s = item.node();
            String sAt = item.at();
            String metric = item.metric();
            String unit = unit(s, sAt);
            double scale = scale(s, unit, sAt);
            String file = ConfigNodes.string(s, "file", sAt);
            try (InputStream in = open(file, sAt)) {
                readings.addAll(CsvRecording.read(file, in, metric, unit, scale, zone));
            } catch (IOException e) {
                throw new InvalidConfigException(sAt + ": 'file' cannot be read: " + e.getMessage(), e);
            }
        }
        return replay(sensorId, Recording.of(at, readings), n, at);
    }

    private SensorAdapter senml(String sensorId, JsonNode n, String at) throws InvalidConfigException {
        ConfigNodes.onlyKnownFields(n, SENML_FIELDS, at);
        String file = ConfigNodes.string(n, "file", at);
        try (InputStream in = open(file, at)) {
            return replay(sensorId, Recording.of(file, SenmlRecording.read(file, in, clock.instant())), n, at);
        } catch (IOException e) {
            throw new InvalidConfigException(at + ": 'file' cannot be read: " + e.getMessage(), e);
        }
    }

    private ReplayAdapter replay(String sensorId, Recording recording, JsonNode n, String at) throws InvalidConfigException {
        double speedup = n.has("speedup") ? ConfigNodes.number(n, "speedup", at, 0, MAX_SPEEDUP) : 1;
        if (speedup <= 0) {
            throw ConfigNodes.invalid(at, "speedup", "more than 0", Double.toString(speedup));
        }
        boolean loop = n.has("loop") && ConfigNodes.bool(n, "loop", at);
        ReplaySchedule.Stamp stamp = ReplaySchedule.Stamp.REPLAY;
        if (n.has("timestamps")) {
            String t = ConfigNodes.string(n, "timestamps", at);
            stamp = switch (t) {
                case "replay" -> ReplaySchedule.Stamp.REPLAY;
                case "recorded" -> ReplaySchedule.Stamp.RECORDED;
                default -> throw ConfigNodes.invalid(at, "timestamps", "'replay' or 'recorded'", "'" + t + "'");
            };
        }
        return new ReplayAdapter(sensorId, recording, speedup, loop, stamp, clock);
    }

    private SensorAdapter http(String sensorId, JsonNode n, String at) throws InvalidConfigException {
        ConfigNodes.onlyKnownFields(n, HTTP_FIELDS, at);
        String text = ConfigNodes.string(n, "url", at);
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw ConfigNodes.invalid(at, "url", "an http:// or https:// URL", "'" + text + "'");
        }
        if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase()) || url.getHost() == null) {
            throw ConfigNodes.invalid(at, "url", "an http:// or https:// URL", "'" + text + "'");
        }
        Duration interval = n.has("intervalSeconds") ? ConfigNodes.seconds(n, "intervalSeconds", at, 0.05, 86400) : DEFAULT_POLL_INTERVAL;
        Duration timeout = n.has("timeoutSeconds") ? ConfigNodes.seconds(n, "timeoutSeconds", at, 0.05, 600) : DEFAULT_POLL_TIMEOUT;
        Map<String, String> headers = ConfigNodes.textMap(n, "headers", at);
        List<PolledField> fields = new ArrayList<>();
        for (MetricItem item : metricItems(n, "metrics", at, HTTP_METRIC_FIELDS, "{metric, pointer, unit}")) {
            JsonNode m = item.node();
            String mAt = item.at();
            String metric = item.metric();
            String unit = unit(m, mAt);
            double scale = m.has("scale") ? ConfigNodes.number(m, "scale", mAt, -1e12, 1e12) : 1;
            JsonPointer pointer = pointer(m, "pointer", mAt);
            JsonPointer timePointer = m.has("timePointer") ? pointer(m, "timePointer", mAt) : null;
            boolean millis = false;
            if (m.has("timeUnit")) {
                String u = ConfigNodes.string(m, "timeUnit", mAt);
                if (!u.equals("s") && !u.equals("ms")) {
                    throw ConfigNodes.invalid(mAt, "timeUnit", "'s' or 'ms'", "'" + u + "'");
                }
                millis = u.equals("ms");
            }
            fields.add(new PolledField(metric, pointer, unit, scale, timePointer, millis));
        }
        return new HttpPollingAdapter(sensorId, url, interval, timeout, headers, fields, clock);
    }

    private SensorAdapter modbus(String sensorId, JsonNode n, String at) throws InvalidConfigException {
        ConfigNodes.onlyKnownFields(n, MODBUS_FIELDS, at);
        if (n.has("port") == n.has("gateway")) {
            throw new InvalidConfigException(at + ": expected one of 'port' (a serial port) or 'gateway' (host:port), not "
                    + (n.has("port") ? "both" : "neither"));
        }
        ModbusRtuAdapter.Line line;
        if (n.has("port")) {
            String parity = n.has("parity") ? ConfigNodes.string(n, "parity", at) : "none";
            if (!Set.of("none", "even", "odd").contains(parity)) {
                throw ConfigNodes.invalid(at, "parity", "'none', 'even' or 'odd'", "'" + parity + "'");
            }
            line = new ModbusRtuAdapter.Serial(ConfigNodes.string(n, "port", at),
                    n.has("baud") ? (int) ConfigNodes.number(n, "baud", at, 300, 4_000_000) : 9600,
                    n.has("dataBits") ? (int) ConfigNodes.number(n, "dataBits", at, 7, 8) : 8,
                    parity,
                    n.has("stopBits") ? (int) ConfigNodes.number(n, "stopBits", at, 1, 2) : 1);
        } else {
            String g = ConfigNodes.string(n, "gateway", at);
            int colon = g.lastIndexOf(':');
            int port = -1;
            try {
                port = colon > 0 ? Integer.parseInt(g.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                // reported below
            }
            if (port < 1 || port > 65535) {
                throw ConfigNodes.invalid(at, "gateway", "host:port like '10.0.0.12:502'", "'" + g + "'");
            }
            line = new ModbusRtuAdapter.Gateway(g.substring(0, colon), port);
        }
        int unitId = n.has("unitId") ? (int) ConfigNodes.number(n, "unitId", at, 1, 247) : 1;
        Duration interval = n.has("intervalSeconds") ? ConfigNodes.seconds(n, "intervalSeconds", at, 0.05, 86400) : DEFAULT_POLL_INTERVAL;
        Duration timeout = n.has("timeoutSeconds") ? ConfigNodes.seconds(n, "timeoutSeconds", at, 0.05, 60) : DEFAULT_MODBUS_TIMEOUT;
        List<ModbusRegister> registers = new ArrayList<>();
        for (MetricItem item : metricItems(n, "registers", at, MODBUS_REGISTER_FIELDS, "{metric, unit, address}")) {
            JsonNode r = item.node();
            String rAt = item.at();
            String metric = item.metric();
            String unit = unit(r, rAt);
            int address = (int) ConfigNodes.number(r, "address", rAt, 0, 65535);
            ModbusRegister.Table table = choice(r, "table", rAt, ModbusRegister.Table.class, ModbusRegister.Table.HOLDING);
            ModbusRegister.Format format = choice(r, "format", rAt, ModbusRegister.Format.class, ModbusRegister.Format.UINT16);
            String order = r.has("wordOrder") ? ConfigNodes.string(r, "wordOrder", rAt) : "big";
            if (!order.equals("big") && !order.equals("little")) {
                throw ConfigNodes.invalid(rAt, "wordOrder", "'big' or 'little'", "'" + order + "'");
            }
            double scale = r.has("scale") ? ConfigNodes.number(r, "scale", rAt, -1e12, 1e12) : 1;
            registers.add(new ModbusRegister(metric, unit, table, address, format, order.equals("little"), scale));
        }
        return new ModbusRtuAdapter(sensorId, line, unitId, interval, timeout, registers, clock);
    }

    /** One entry of a sensor's list of metrics: its mapping, where it is, and its metric (unique in the list). */
    private record MetricItem(JsonNode node, String at, String metric) {
    }

    private static List<MetricItem> metricItems(JsonNode n, String field, String at, Set<String> known, String expected)
            throws InvalidConfigException {
        JsonNode list = n.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ConfigNodes.invalid(at, field, "a non-empty list of " + expected, ConfigNodes.describe(list));
        }
        List<MetricItem> items = new ArrayList<>(list.size());
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String itemAt = at + ", " + field + "[" + i + "]";
            JsonNode item = list.get(i);
            ConfigNodes.object(item, itemAt);
            ConfigNodes.onlyKnownFields(item, known, itemAt);
            String metric = metric(item, "metric", itemAt);
            if (!metrics.add(metric)) {
                throw ConfigNodes.invalid(itemAt, "metric", "each metric once per sensor", "'" + metric + "' again");
            }
            items.add(new MetricItem(item, itemAt, metric));
        }
        return items;
    }

    private static <E extends Enum<E>> E choice(JsonNode n, String field, String at, Class<E> type, E fallback)
            throws InvalidConfigException {
        if (!n.has(field)) {
            return fallback;
        }
        String text = ConfigNodes.string(n, field, at);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase());
        }
        throw ConfigNodes.invalid(at, field, "one of " + names, "'" + text + "'");
    }

    private InputStream open(String file, String at) throws InvalidConfigException, IOException {
        URL url = resolver.apply(file);
        if (url == null) {
            throw ConfigNodes.invalid(at, "file", "an existing file (relative to the configuration, or classpath:…)", "'" + file + "'");
        }
        return url.openStream();
    }

    private static String metric(JsonNode n, String field, String at) throws InvalidConfigException {
        String metric = ConfigNodes.string(n, field, at);
        if (!SenmlCodec.isValidMetric(metric)) {
            throw ConfigNodes.invalid(at, field, "a metric name like 'speed' or 'pm2_5'", "'" + metric + "'");
        }
        return metric;
    }

    private static String unit(JsonNode n, String at) throws InvalidConfigException {
        String unit = ConfigNodes.string(n, "unit", at);
        if (!SenmlCodec.isValidUnit(unit)) {
            throw ConfigNodes.invalid(at, "unit", "a SenML unit such as 'km/h', '%' or 's'", "'" + unit + "'");
        }
        return unit;
    }

    /** An explicit {@code scale}, or the conversion from {@code recordedUnit} to {@code unit}. */
    private static double scale(JsonNode n, String unit, String at) throws InvalidConfigException {
        if (n.has("scale") && n.has("recordedUnit")) {
            throw new InvalidConfigException(at + ": expected 'scale' or 'recordedUnit', not both");
        }
        if (n.has("scale")) {
            return ConfigNodes.number(n, "scale", at, -1e12, 1e12);
        }
        if (n.has("recordedUnit")) {
            String recorded = ConfigNodes.string(n, "recordedUnit", at);
            return Units.factor(recorded, unit).orElseThrow(
                    () -> ConfigNodes.invalid(at, "recordedUnit", "a unit that converts to '" + unit + "'", "'" + recorded + "'"));
        }
        return 1;
    }

    private static JsonPointer pointer(JsonNode n, String field, String at) throws InvalidConfigException {
        String text = n.has(field) && n.get(field).isString() ? n.get(field).stringValue() : null;
        if (text == null) {
            throw ConfigNodes.invalid(at, field, "a JSON Pointer like '/data/pm25'", ConfigNodes.describe(n.get(field)));
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw ConfigNodes.invalid(at, field, "a JSON Pointer (RFC 6901) like '/data/pm25'", "'" + text + "'");
        }
    }
}
