package vn.ioc.console.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The agencies that answer citizens' reports and the report categories, read from a YAML file a
 * city edits ({@code report/report-categories.yaml}). Checked when loaded, so a typo in the file
 * stops the console at startup instead of routing reports to nobody.
 */
public final class Catalog {

    /** Huế's example catalog shipped with the console. */
    public static final String HUE_RESOURCE = "/report/report-categories.yaml";

    private final Map<String, Agency> agencies;
    private final Map<String, ReportCategory> categories;

    private Catalog(Map<String, Agency> agencies, Map<String, ReportCategory> categories) {
        this.agencies = agencies;
        this.categories = categories;
    }

    public static Catalog hue() {
        try (InputStream in = Catalog.class.getResourceAsStream(HUE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + HUE_RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code agencies} and {@code categories}; throws IllegalArgumentException on an inconsistent file. */
    public static Catalog load(InputStream yaml) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (JsonNode a : root.path("agencies")) {
            Agency agency = new Agency(required(a, "code", "agency"), a.path("name_vi").asString(null),
                    a.path("name_en").asString(null), scope(a));
            if (agencies.putIfAbsent(agency.code(), agency) != null) {
                throw new IllegalArgumentException("duplicate agency code " + agency.code());
            }
        }
        Map<String, ReportCategory> categories = new LinkedHashMap<>();
        for (JsonNode c : root.path("categories")) {
            String code = required(c, "code", "category");
            String agency = required(c, "agency", "category " + code);
            if (!agencies.containsKey(agency)) {
                throw new IllegalArgumentException("category " + code + ": expected an agency code, one of "
                        + agencies.keySet() + ", but was " + agency);
            }
            ReportCategory category = new ReportCategory(code, c.path("name_vi").asString(null),
                    c.path("name_en").asString(null), agency, serviceLevel(code, c.path("sla")),
                    c.path("urgent").asBoolean(false), c.path("public").asBoolean(false));
            if (categories.putIfAbsent(code, category) != null) {
                throw new IllegalArgumentException("duplicate category code " + code);
            }
        }
        return new Catalog(Collections.unmodifiableMap(agencies), Collections.unmodifiableMap(categories));
    }

    /** The categories in the file's order (the order citizens see them in). */
    public List<ReportCategory> categories() {
        return List.copyOf(categories.values());
    }

    public List<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    public Optional<ReportCategory> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(code == null ? null : agencies.get(code));
    }

    private static String required(JsonNode node, String field, String what) {
        String value = node.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": expected a " + field + " but found none");
        }
        return value;
    }

    private static Agency.Scope scope(JsonNode agency) {
        String scope = required(agency, "scope", "agency " + agency.path("code").asString());
        try {
            return Agency.Scope.valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agency " + agency.path("code").asString()
                    + ": expected scope province or ward but was " + scope, e);
        }
    }

    private static ServiceLevel serviceLevel(String category, JsonNode sla) {
        boolean hours = sla.has("hours");
        boolean days = sla.has("working_days");
        if (hours == days) {
            throw new IllegalArgumentException("category " + category
                    + ": expected an sla of either hours or working_days but found " + (hours ? "both" : "neither"));
        }
        int value = (hours ? sla.path("hours") : sla.path("working_days")).asInt(-1);
        if (value < 0) {
            throw new IllegalArgumentException("category " + category + ": expected a whole, non-negative sla but was "
                    + (hours ? sla.path("hours") : sla.path("working_days")));
        }
        return hours ? ServiceLevel.ofHours(value) : ServiceLevel.ofWorkingDays(value);
    }
}
