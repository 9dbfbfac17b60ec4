package vn.ioc.streaming.nab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of NAB's cost profiles: what a detected window earns ({@code tpWeight}), what a detection
 * outside every window costs ({@code fpWeight}) and what a missed window costs ({@code fnWeight}).
 * NAB's {@code tnWeight} is never used by its scorer, so it is not kept.
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    public static final String BUNDLED = "/nab/profiles.json";

    /** NAB's three profiles, in the order of its {@code profiles.json}: standard, reward_low_FP_rate, reward_low_FN_rate. */
    public static List<NabProfile> bundled() {
        try (InputStream in = NabProfile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads NAB's {@code profiles.json}: {@code {"name": {"CostMatrix": {"tpWeight": 1.0, ...}}, ...}}. */
    public static List<NabProfile> read(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<NabProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            JsonNode costs = p.getValue().path("CostMatrix");
            profiles.add(new NabProfile(p.getKey(), weight(costs, p.getKey(), "tpWeight"),
                    weight(costs, p.getKey(), "fpWeight"), weight(costs, p.getKey(), "fnWeight")));
        }
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("expected at least one profile in the NAB profiles but found none");
        }
        return List.copyOf(profiles);
    }

    private static double weight(JsonNode costs, String profile, String key) {
        JsonNode w = costs.get(key);
        if (w == null || !w.isNumber()) {
            throw new IllegalArgumentException("NAB profile '" + profile + "': expected CostMatrix." + key
                    + " to be a number but was " + (w == null ? "missing" : w.toString()));
        }
        return w.asDouble();
    }
}
