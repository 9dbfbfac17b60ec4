package vn.ioc.edge.analytics;

import static vn.ioc.edge.ConfigNodes.describe;
import static vn.ioc.edge.ConfigNodes.invalid;
import static vn.ioc.edge.ConfigNodes.list;
import static vn.ioc.edge.ConfigNodes.number;
import static vn.ioc.edge.ConfigNodes.object;
import static vn.ioc.edge.ConfigNodes.onlyKnownFields;
import static vn.ioc.edge.ConfigNodes.quote;
import static vn.ioc.edge.ConfigNodes.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;

import vn.ioc.edge.ConfigNodes;
import vn.ioc.edge.InvalidConfigException;
import vn.ioc.ingest.contract.Topics;

/**
 * Reads a camera's analytics configuration (YAML; see {@code edge-agent/examples/}). Refuses what it
 * would have to guess about: every error names the file, the item and the field, what was expected
 * and what was found.
 */
public final class CameraConfigReader {

    private static final Set<String> TOP_FIELDS = Set.of("camera", "statsIntervalSeconds", "analysis", "calibration",
            "lanes", "lines", "zones", "privacyMasks");
    private static final Set<String> ANALYSIS_FIELDS = Set.of("width", "minBlobArea", "backgroundSeconds", "varThreshold",
            "maxMissedSeconds", "confirmSeconds", "stillPixels", "stoppedSeconds", "wrongWayPixels", "queueSpacingM", "ignore", "background");
    private static final Set<String> CALIBRATION_FIELDS = Set.of("metresPerPixel", "points");
    private static final Set<String> CALIBRATION_POINT_FIELDS = Set.of("image", "ground");
    private static final Set<String> LANE_FIELDS = Set.of("id", "polygon", "path");
    private static final Set<String> LINE_FIELDS = Set.of("id", "from", "to", "directions");
    private static final Set<String> ZONE_FIELDS = Set.of("id", "kind", "polygon", "maxStopSeconds", "minSeconds", "clearSeconds");
    private static final double MAX_COORDINATE = 16_384;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final String origin;

    private CameraConfigReader(String origin) {
        this.origin = origin;
    }

    public static CameraConfig read(Path file) throws InvalidConfigException {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(yaml, file.toString());
    }

    /** @param origin where the text came from, for the messages */
    public static CameraConfig parse(String yaml, String origin) throws InvalidConfigException {
        return new CameraConfigReader(origin).config(yaml);
    }

    private CameraConfig config(String yaml) throws InvalidConfigException {
        JsonNode root = ConfigNodes.yamlMapping(yaml, origin, "a mapping with 'lanes', 'lines', 'zones' …");
        onlyKnownFields(root, TOP_FIELDS, origin);
        String camera = root.has("camera") ? id(root, "camera", origin) : null;
        double interval = optionalNumber(root, "statsIntervalSeconds", origin, 0.1, 3600, CameraConfig.DEFAULT_STATS_INTERVAL_SECONDS);
        AnalysisSettings analysis = analysis(root.get("analysis"), origin + ", analysis");
        Calibration calibration = root.has("calibration") ? calibration(root.get("calibration"), origin + ", calibration")
                : Calibration.NONE;

        List<Lane> lanes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> items = list(root, "lanes", origin);
        for (int i = 0; i < items.size(); i++) {
            Lane lane = lane(items.get(i), origin + ", lanes[" + i + "]");
            unique(ids, lane.id(), origin + ", lanes[" + i + "]");
            lanes.add(lane);
        }
        List<CountingLine> lines = new ArrayList<>();
        ids.clear();
        items = list(root, "lines", origin);
        for (int i = 0; i < items.size(); i++) {
            CountingLine line = line(items.get(i), origin + ", lines[" + i + "]");
            unique(ids, line.id(), origin + ", lines[" + i + "]");
            lines.add(line);
        }
        List<Zone> zones = new ArrayList<>();
        ids.clear();
        items = list(root, "zones", origin);
        for (int i = 0; i < items.size(); i++) {
            Zone zone = zone(items.get(i), origin + ", zones[" + i + "]");
            unique(ids, zone.id(), origin + ", zones[" + i + "]");
            zones.add(zone);
        }
        List<Polygon> masks = new ArrayList<>();
        items = list(root, "privacyMasks", origin);
        for (int i = 0; i < items.size(); i++) {
            masks.add(polygon(items.get(i), origin + ", privacyMasks[" + i + "]"));
        }
        return new CameraConfig(camera, interval, analysis, calibration, lanes, lines, zones, masks);
    }

    private AnalysisSettings analysis(JsonNode n, String at) throws InvalidConfigException {
        AnalysisSettings d = AnalysisSettings.defaults();
        if (n == null || n.isNull()) {
            return d;
        }
        object(n, at);
        onlyKnownFields(n, ANALYSIS_FIELDS, at);
        double width = optionalNumber(n, "width", at, 64, 1920, d.width());
        if (width != Math.rint(width)) {
            throw invalid(at, "width", "a whole number of pixels", Double.toString(width));
        }
        List<Polygon> ignore = new ArrayList<>();
        List<JsonNode> items = list(n, "ignore", at);
        for (int i = 0; i < items.size(); i++) {
            ignore.add(polygon(items.get(i), at + ", ignore[" + i + "]"));
        }
        return new AnalysisSettings(
                (int) width,
                optionalNumber(n, "minBlobArea", at, 1, 1e7, d.minBlobArea()),
                optionalNumber(n, "backgroundSeconds", at, 1, 3600, d.backgroundSeconds()),
                optionalNumber(n, "varThreshold", at, 1, 1000, d.varThreshold()),
                optionalNumber(n, "maxMissedSeconds", at, 0, 60, d.maxMissedSeconds()),
                optionalNumber(n, "confirmSeconds", at, 0, 60, d.confirmSeconds()),
                optionalNumber(n, "stillPixels", at, 0, MAX_COORDINATE, d.stillPixels()),
                optionalNumber(n, "stoppedSeconds", at, 0.1, 3600, d.stoppedSeconds()),
                optionalNumber(n, "wrongWayPixels", at, 1, MAX_COORDINATE, d.wrongWayPixels()),
                optionalNumber(n, "queueSpacingM", at, 1, 100, d.queueSpacingM()),
                ignore, background(n, at, d.background()));
    }

    private static AnalysisSettings.Background background(JsonNode n, String at, AnalysisSettings.Background fallback)
            throws InvalidConfigException {
        if (!n.has("background")) {
            return fallback;
        }
        String text = string(n, "background", at);
        return switch (text) {
            case "mixture" -> AnalysisSettings.Background.MIXTURE;
            case "average" -> AnalysisSettings.Background.AVERAGE;
            default -> throw invalid(at, "background", "'mixture' or 'average'", quote(text));
        };
    }

    private Calibration calibration(JsonNode n, String at) throws InvalidConfigException {
        object(n, at);
        onlyKnownFields(n, CALIBRATION_FIELDS, at);
        if (n.has("metresPerPixel") == n.has("points")) {
            throw new InvalidConfigException(at + ": expected exactly one of 'metresPerPixel' or 'points' but found "
                    + (n.has("points") ? "both" : "neither"));
        }
        if (n.has("metresPerPixel")) {
            double m = number(n, "metresPerPixel", at, 0, 1000);
            if (m <= 0) {
                throw invalid(at, "metresPerPixel", "more than 0", Double.toString(m));
            }
            return new Calibration.Scale(m);
        }
        List<JsonNode> pts = list(n, "points", at);
        if (pts.size() != 4) {
            throw invalid(at, "points", "4 pairs of {image: [x, y], ground: [x, y]} (ground in metres)", pts.size() + " entries");
        }
        Coordinate[] image = new Coordinate[4];
        Coordinate[] ground = new Coordinate[4];
        for (int i = 0; i < 4; i++) {
            String p = at + ", points[" + i + "]";
            object(pts.get(i), p);
            onlyKnownFields(pts.get(i), CALIBRATION_POINT_FIELDS, p);
            image[i] = point(pts.get(i).get("image"), p + ", image");
            ground[i] = point(pts.get(i).get("ground"), p + ", ground");
        }
        try {
            return Calibration.Homography.of(image, ground);
        } catch (RuntimeException e) {
            throw new InvalidConfigException(at + ": 'points' " + e.getMessage(), e);
        }
    }

    private Lane lane(JsonNode n, String at) throws InvalidConfigException {
        object(n, at);
        String id = id(n, "id", at);
        at = origin + ", lane '" + id + "'";
        onlyKnownFields(n, LANE_FIELDS, at);
        Polygon area = polygon(n.get("polygon"), at + ", polygon");
        Coordinate[] path = points(n.get("path"), at + ", path", 2);
        for (int i = 1; i < path.length; i++) {
            if (path[i].equals2D(path[i - 1])) {
                throw invalid(at, "path", "points in the direction of travel, each different from the one before", "point " + i + " repeated");
            }
        }
        LineString line = GEOMETRY.createLineString(path);
        return new Lane(id, area, line);
    }

    private CountingLine line(JsonNode n, String at) throws InvalidConfigException {
        object(n, at);
        String id = id(n, "id", at);
        at = origin + ", line '" + id + "'";
        onlyKnownFields(n, LINE_FIELDS, at);
        Coordinate from = point(n.get("from"), at + ", from");
        Coordinate to = point(n.get("to"), at + ", to");
        if (from.equals2D(to)) {
            throw invalid(at, "to", "a point other than 'from'", "the same point");
        }
        JsonNode d = n.get("directions");
        if (d == null || !d.isObject() || d.isEmpty() || d.size() > 2) {
            throw invalid(at, "directions", "a mapping of one or two names to crossing vectors, like {inbound: [0, 1]}", describe(d));
        }
        Map<String, double[]> directions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : d.properties()) {
            if (!Topics.isValidId(e.getKey())) {
                throw invalid(at, "directions", "names of 1-64 letters, digits, '.', '_' or '-'", quote(e.getKey()));
            }
            Coordinate v = point(e.getValue(), at + ", directions." + e.getKey());
            directions.put(e.getKey(), new double[] {v.x, v.y});
        }
        try {
            return new CountingLine(id, from, to, directions);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(at + ": 'directions' expected vectors across the line on opposite sides, but " + e.getMessage());
        }
    }

    private Zone zone(JsonNode n, String at) throws InvalidConfigException {
        object(n, at);
        String id = id(n, "id", at);
        at = origin + ", zone '" + id + "'";
        onlyKnownFields(n, ZONE_FIELDS, at);
        String kind = string(n, "kind", at);
        Polygon area = polygon(n.get("polygon"), at + ", polygon");
        switch (kind) {
            case "no-stopping" -> {
                for (String f : List.of("minSeconds", "clearSeconds")) {
                    if (n.has(f)) {
                        throw new InvalidConfigException(at + ": '" + f + "' belongs to keep-clear zones, not no-stopping");
                    }
                }
                return Zone.noStopping(id, area, number(n, "maxStopSeconds", at, 0.1, 86_400));
            }
            case "keep-clear" -> {
                if (n.has("maxStopSeconds")) {
                    throw new InvalidConfigException(at + ": 'maxStopSeconds' belongs to no-stopping zones, not keep-clear");
                }
                return Zone.keepClear(id, area, optionalNumber(n, "minSeconds", at, 0, 3600, 0.5),
                        optionalNumber(n, "clearSeconds", at, 0, 3600, 2));
            }
            default -> throw invalid(at, "kind", "'no-stopping' or 'keep-clear'", quote(kind));
        }
    }

    private Polygon polygon(JsonNode n, String at) throws InvalidConfigException {
        Coordinate[] pts = points(n, at, 3);
        Coordinate[] ring = java.util.Arrays.copyOf(pts, pts.length + 1);
        ring[pts.length] = pts[0];
        Polygon p = GEOMETRY.createPolygon(ring);
        if (!p.isValid() || p.getArea() <= 0) {
            throw new InvalidConfigException(at + ": expected a simple polygon (edges not crossing, some area) but its edges cross or it is flat");
        }
        return p;
    }

    private Coordinate[] points(JsonNode n, String at, int min) throws InvalidConfigException {
        if (n == null || !n.isArray() || n.size() < min) {
            throw new InvalidConfigException(at + ": expected a list of at least " + min + " points [x, y] but was " + describe(n));
        }
        Coordinate[] out = new Coordinate[n.size()];
        for (int i = 0; i < n.size(); i++) {
            out[i] = point(n.get(i), at + "[" + i + "]");
        }
        return out;
    }

    private Coordinate point(JsonNode n, String at) throws InvalidConfigException {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new InvalidConfigException(at + ": expected a point [x, y] (source pixels) but was " + describe(n));
        }
        double x = n.get(0).doubleValue();
        double y = n.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
            throw new InvalidConfigException(at + ": expected coordinates within ±" + (int) MAX_COORDINATE + " but was " + describe(n));
        }
        return new Coordinate(x, y);
    }

    private String id(JsonNode n, String field, String at) throws InvalidConfigException {
        String id = string(n, field, at);
        if (!Topics.isValidId(id)) {
            throw invalid(at, field, "an id of 1-64 letters, digits, '.', '_' or '-'", quote(id));
        }
        return id;
    }

    private static void unique(Set<String> ids, String id, String at) throws InvalidConfigException {
        if (!ids.add(id)) {
            throw new InvalidConfigException(at + ": 'id' expected to be unique but '" + id + "' is used by an earlier one");
        }
    }




    private static double optionalNumber(JsonNode n, String field, String at, double min, double max, double dflt)
            throws InvalidConfigException {
        return n.has(field) ? number(n, field, at, min, max) : dflt;
    }





}
