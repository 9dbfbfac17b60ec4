package vn.ioc.console.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;

/**
 * The ward polygons as the map draws them: the shipped census GeoJSON with its properties
 * reduced to {@code name}, {@code district}, {@code population} and {@code code}. Names come from
 * {@link WardMap}, which corrects the census spelling. Built once; it never changes while running.
 */
@Component
public class WardLayer {

    private final byte[] geojson;
    private final String etag;

    WardLayer(JsonMapper json) {
        Map<String, Ward> wards = WardMap.hue().wards().stream().collect(Collectors.toMap(Ward::code, Function.identity()));
        JsonNode source = read(json);
        ObjectNode out = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = out.putArray("features");
        for (JsonNode f : source.path("features")) {
            String code = String.valueOf(f.path("properties").path("commune_id").asLong());
            Ward ward = wards.get(code);
            if (ward == null) {
                throw new IllegalStateException("ward " + code + " of " + WardMap.HUE_RESOURCE + " is not in the ward map");
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("properties")
                    .put("code", code)
                    .put("name", ward.name())
                    .put("district", ward.district())
                    .put("population", ward.population());
            feature.set("geometry", f.path("geometry"));
        }
        this.geojson = json.writeValueAsBytes(out);
        this.etag = "\"" + sha256(geojson).substring(0, 32) + "\"";
    }

    private static JsonNode read(JsonMapper json) {
        try (InputStream in = WardMap.class.getResourceAsStream(WardMap.HUE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WardMap.HUE_RESOURCE);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] geojson() {
        return geojson;
    }

    String etag() {
        return etag;
    }
}
