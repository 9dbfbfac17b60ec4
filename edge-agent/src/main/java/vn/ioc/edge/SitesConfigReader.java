package vn.ioc.edge;

import static vn.ioc.edge.ConfigNodes.describe;
import static vn.ioc.edge.ConfigNodes.deviceId;
import static vn.ioc.edge.ConfigNodes.deviceType;
import static vn.ioc.edge.ConfigNodes.invalid;
import static vn.ioc.edge.ConfigNodes.list;
import static vn.ioc.edge.ConfigNodes.number;
import static vn.ioc.edge.ConfigNodes.object;
import static vn.ioc.edge.ConfigNodes.onlyKnownFields;
import static vn.ioc.edge.ConfigNodes.quote;
import static vn.ioc.edge.ConfigNodes.string;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.Topics;

/**
 * Turns the YAML of a replay configuration into {@link Site}s, refusing anything it would
 * otherwise have to guess about. Every error says where: the site (by id once known), the
 * device, the field, what was expected and what was found.
 */
final class SitesConfigReader {

    /** The same rules the SenML codec applies to what it receives. */
    /** A frame every 2 s: the privacy filter costs about 0.3 s of a core per frame. */
    private static final double DEFAULT_FRAMES_PER_SECOND = 0.5;
    private static final double MAX_FRAMES_PER_SECOND = 30;

    private static final Set<String> TOP_FIELDS = Set.of("sites");
    private static final Set<String> SITE_FIELDS = Set.of("id", "name", "ward", "lat", "lon", "sensors", "cameras");
    private static final Set<String> SENSOR_FIELDS = Set.of("id", "type", "start", "series");
    private static final Set<String> SERIES_FIELDS = Set.of("metric", "unit", "recordedUnit", "file");
    private static final Set<String> CAMERA_FIELDS = Set.of("id", "type", "public", "video", "framesPerSecond", "analytics");

    private final String origin;
    private final Function<String, URL> resolver;
    private final Map<URL, SeriesFile> seriesCache = new HashMap<>();

    SitesConfigReader(String origin, Function<String, URL> resolver) {
        this.origin = origin;
        this.resolver = resolver;
    }

    SitesConfig read(String yaml) throws InvalidConfigException {
        JsonNode root = ConfigNodes.yamlMapping(yaml, origin, "a mapping with 'sites'");
        onlyKnownFields(root, TOP_FIELDS, origin);
        JsonNode list = root.get("sites");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidConfigException(origin + ": expected 'sites' to be a non-empty list but was " + describe(list));
        }
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Site site = site(list.get(i), origin + " sites[" + i + "]");
            if (!ids.add(site.id())) {
                throw new InvalidConfigException(origin + " sites[" + i + "]: 'id' expected to be unique but '" + site.id()
                        + "' is used by an earlier site");
            }
            sites.add(site);
        }
        return new SitesConfig(sites);
    }

    private Site site(JsonNode n, String at) throws InvalidConfigException {
        object(n, at);
        String id = string(n, "id", at);
        if (!Topics.isValidSite(id)) {
            throw invalid(at, "id", "a site id of 1-64 letters, digits, '.', '_' or '-', not one of " + Topics.RESERVED_SITES, quote(id));
        }
        at = "site '" + id + "'";
        onlyKnownFields(n, SITE_FIELDS, at);
        String name = string(n, "name", at);
        String ward = n.has("ward") ? string(n, "ward", at) : null;
        double lat = number(n, "lat", at, -90, 90);
        double lon = number(n, "lon", at, -180, 180);

        Set<String> deviceIds = new HashSet<>();
        List<Sensor> sensors = new ArrayList<>();
        for (JsonNode s : list(n, "sensors", at)) {
            Sensor sensor = sensor(s, at, sensors.size());
            unique(deviceIds, sensor.id(), at);
            sensors.add(sensor);
        }
        List<Camera> cameras = new ArrayList<>();
        for (JsonNode c : list(n, "cameras", at)) {
            Camera camera = camera(c, at, cameras.size());
            unique(deviceIds, camera.id(), at);
            cameras.add(camera);
        }
        if (deviceIds.isEmpty()) {
            throw new InvalidConfigException(at + ": expected at least one of 'sensors' or 'cameras' but there are none");
        }
        return new Site(id, name, ward, lat, lon, sensors, cameras);
    }

    private Sensor sensor(JsonNode n, String siteAt, int index) throws InvalidConfigException {
        String at = siteAt + ", sensors[" + index + "]";
        object(n, at);
        String id = deviceId(n, at);
        at = siteAt + ", sensor '" + id + "'";
        onlyKnownFields(n, SENSOR_FIELDS, at);
        String type = deviceType(string(n, "type", at), at, "traffic-loop");
        String startText = string(n, "start", at);
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(startText);
        } catch (DateTimeParseException e) {
            throw invalid(at, "start", "a time in the recording like 2015-09-16T07:30", quote(startText));
        }
        List<JsonNode> entries = list(n, "series", at);
        if (entries.isEmpty()) {
            throw invalid(at, "series", "at least one series to replay", "none");
        }
        List<MetricSeries> series = new ArrayList<>();
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            MetricSeries m = series(entries.get(i), at + ", series[" + i + "]", start);
            if (!metrics.add(m.metric())) {
                throw invalid(at + ", series[" + i + "]", "metric", "each metric once per sensor", quote(m.metric()) + " again");
            }
            series.add(m);
        }
        return new Sensor(id, type, start, series);
    }

    private MetricSeries series(JsonNode n, String at, LocalDateTime start) throws InvalidConfigException {
        object(n, at);
        onlyKnownFields(n, SERIES_FIELDS, at);
        String metric = string(n, "metric", at);
        if (!SenmlCodec.isValidMetric(metric)) {
            throw invalid(at, "metric", "a metric name like 'speed' or 'travel_time'", quote(metric));
        }
        String unit = string(n, "unit", at);
        if (!SenmlCodec.isValidUnit(unit)) {
            throw invalid(at, "unit", "a SenML unit such as 'km/h', '%' or 's'", quote(unit));
        }
        String recordedUnit = n.has("recordedUnit") ? string(n, "recordedUnit", at) : unit;
        OptionalDouble factor = Units.factor(recordedUnit, unit);
        if (factor.isEmpty()) {
            throw invalid(at, "recordedUnit", "a unit that converts to '" + unit + "'", quote(recordedUnit));
        }
        String path = string(n, "file", at);
        SeriesFile file = seriesFile(path, at);
        if (start.isAfter(file.last().time())) {
            throw invalid(at, "start", "a time no later than the last row of " + path + " (" + file.last().time() + ")",
                    start.toString());
        }
        return new MetricSeries(metric, unit, factor.getAsDouble(), file);
    }

    private SeriesFile seriesFile(String path, String at) throws InvalidConfigException {
        URL url = resolve(path, at, "file");
        SeriesFile cached = seriesCache.get(url);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = url.openStream()) {
            SeriesFile file = SeriesFile.read(path, in);
            seriesCache.put(url, file);
            return file;
        } catch (IOException e) {
            throw new InvalidConfigException(at + ": 'file' cannot be read: " + e.getMessage(), e);
        }
    }

    private Camera camera(JsonNode n, String siteAt, int index) throws InvalidConfigException {
        String at = siteAt + ", cameras[" + index + "]";
        object(n, at);
        String id = deviceId(n, at);
        at = siteAt + ", camera '" + id + "'";
        onlyKnownFields(n, CAMERA_FIELDS, at);
        String type = deviceType(string(n, "type", at), at, "traffic-loop");
        boolean isPublic = false;
        if (n.has("public")) {
            if (!n.get("public").isBoolean()) {
                throw invalid(at, "public", "true or false", describe(n.get("public")));
            }
            isPublic = n.get("public").booleanValue();
        }
        String path = string(n, "video", at);
        DataFile video = new DataFile(path, resolve(path, at, "video"));
        double fps = n.has("framesPerSecond") ? number(n, "framesPerSecond", at, 0, MAX_FRAMES_PER_SECOND) : DEFAULT_FRAMES_PER_SECOND;
        if (fps <= 0) {
            throw invalid(at, "framesPerSecond", "more than 0", Double.toString(fps));
        }
        DataFile analytics = null;
        if (n.has("analytics")) {
            String config = string(n, "analytics", at);
            analytics = new DataFile(config, resolve(config, at, "analytics"));
        }
        return new Camera(id, type, isPublic, video, fps, analytics);
    }

    private URL resolve(String path, String at, String field) throws InvalidConfigException {
        URL url = resolver.apply(path);
        if (url == null) {
            throw invalid(at, field, "an existing file (relative to the configuration, or classpath:…)", quote(path));
        }
        return url;
    }



    private static void unique(Set<String> ids, String id, String at) throws InvalidConfigException {
        if (!ids.add(id)) {
            throw new InvalidConfigException(at + ": device id '" + id + "' expected to be unique on the site but is used twice");
        }
    }








}
