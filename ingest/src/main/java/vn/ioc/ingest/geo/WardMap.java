package vn.ioc.ingest.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import tools.jackson.databind.JsonNode;

import vn.ioc.ingest.contract.Json;

/**
 * Which ward a point falls in, over real ward polygons (JTS, with an R-tree so a lookup
 * tests only the few polygons whose boxes contain the point).
 */
public final class WardMap {

    /** The province's ward polygons shipped with the project. */
    public static final String HUE_RESOURCE = "/geo/hue-wards.geojson";

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private record Indexed(Ward ward, PreparedGeometry shape) {
    }

    private final List<Ward> wards;
    private final STRtree index = new STRtree();

    private WardMap(List<Ward> wards) {
        this.wards = Collections.unmodifiableList(wards);
        for (Ward w : wards) {
            index.insert(w.boundary().getEnvelopeInternal(), new Indexed(w, PreparedGeometryFactory.prepare(w.boundary())));
        }
        index.build();
    }

    public static WardMap hue() {
        try (InputStream in = WardMap.class.getResourceAsStream(HUE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + HUE_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features with census properties. */
    public static WardMap load(InputStream geojson) throws IOException {
        JsonNode root = Json.MAPPER.readTree(geojson);
        List<Ward> wards = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode p = f.path("properties");
            Geometry g = geometry(f.path("geometry"));
            wards.add(new Ward(String.valueOf(p.path("commune_id").asLong()), displayName(p.path("commune_vn").asString()),
                    p.path("commune").asString(), p.path("district_vn").asString(), p.path("population").asLong(), g));
        }
        if (wards.isEmpty()) {
            throw new IOException("expected GeoJSON features with ward polygons but found none");
        }
        return new WardMap(wards);
    }

    /** The census names the ward of Phường Đúc "Phường Phường Đúc"; show it as people write it. */
    static String displayName(String censusName) {
        return censusName.replace("Phường Phường ", "Phường ");
    }

    public List<Ward> wards() {
        return wards;
    }

    /** The ward containing the point, if any (a point on a shared border goes to one of them). */
    public Optional<Ward> locate(double lat, double lon) {
        Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(p.getEnvelopeInternal());
        return candidates.stream().filter(c -> c.shape().covers(p)).map(Indexed::ward).findFirst();
    }

    private static Geometry geometry(JsonNode g) throws IOException {
        String type = g.path("type").asString();
        JsonNode coords = g.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i));
                }
                yield GEOMETRY.createMultiPolygon(parts);
            }
            default -> throw new IOException("expected a Polygon or MultiPolygon but was " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(c);
    }
}
