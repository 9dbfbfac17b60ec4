package vn.ioc.streaming.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Incident;

/**
 * Which report categories confirm which incident types, how near and how close in time
 * ({@code report-joins.yaml} on the classpath).
 */
public final class ReportJoinRules implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String DEFAULT_RESOURCE = "/report-joins.yaml";

    /** The incident types one category confirms, within {@code radiusMetres}. */
    public record Category(Set<Incident.Type> types, double radiusMetres) implements Serializable {
    }

    private final Map<String, Category> categories;
    private final Duration before;
    private final Duration after;

    ReportJoinRules(Map<String, Category> categories, Duration before, Duration after) {
        this.categories = Map.copyOf(categories);
        this.before = before;
        this.after = after;
    }

    public static ReportJoinRules defaults() {
        try (InputStream in = ReportJoinRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportJoinRules load(InputStream yaml) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        Map<String, Category> categories = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : root.path("categories").properties()) {
            Set<Incident.Type> types = EnumSet.noneOf(Incident.Type.class);
            for (JsonNode t : c.getValue().path("types")) {
                try {
                    types.add(Incident.Type.valueOf(t.asString()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("report category " + c.getKey() + ": unknown incident type " + t.asString(), e);
                }
            }
            double radius = c.getValue().path("radius").asDouble(-1);
            if (types.isEmpty() || !(radius > 0) || radius > Cells.MAX_RADIUS_METRES) {
                throw new IllegalArgumentException("report category " + c.getKey()
                        + ": expected incident types and a radius in (0, " + Cells.MAX_RADIUS_METRES + "] metres");
            }
            categories.put(c.getKey(), new Category(types, radius));
        }
        return new ReportJoinRules(categories, Duration.ofMinutes(root.path("before").asLong(60)),
                Duration.ofMinutes(root.path("after").asLong(30)));
    }

    /** The category's rule, or null when reports of it confirm no incident. */
    public Category category(String code) {
        return code == null ? null : categories.get(code);
    }

    /** Whether reports of some category can confirm incidents of this type. */
    public boolean confirms(Incident.Type type) {
        return categories.values().stream().anyMatch(c -> c.types().contains(type));
    }

    /** How long before an incident opened a report of it may come. */
    public Duration before() {
        return before;
    }

    /** How long after an incident cleared a report of it may come. */
    public Duration after() {
        return after;
    }
}
