package vn.ioc.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reading typed fields out of a YAML or JSON configuration node, with errors that say where
 * (the {@code at} text), which field, what was expected and what was found, in the words the
 * rest of the agent's configuration uses.
 */
public final class ConfigNodes {

    private ConfigNodes() {
    }

    /**
     * The top of a YAML configuration, which must be a mapping.
     *
     * @param expected what the mapping should hold, for the message when it is not one, e.g. "a mapping with 'sites'"
     */
    public static JsonNode yamlMapping(String yaml, String origin, String expected) throws InvalidConfigException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidConfigException(origin + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(origin + ": expected " + expected + " but was " + describe(root));
        }
        return root;
    }

    public static void object(JsonNode n, String at) throws InvalidConfigException {
        if (n == null || !n.isObject()) {
            throw new InvalidConfigException(at + ": expected a mapping but was " + describe(n));
        }
    }

    public static void onlyKnownFields(JsonNode n, Set<String> known, String at) throws InvalidConfigException {
        for (String name : n.propertyNames()) {
            if (!known.contains(name)) {
                throw new InvalidConfigException(at + ": unknown field '" + name + "'; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    public static String string(JsonNode n, String field, String at) throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || !v.isString() || v.stringValue().isBlank()) {
            throw invalid(at, field, "a non-empty text", describe(v));
        }
        return v.stringValue().strip();
    }

    public static boolean bool(JsonNode n, String field, String at) throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw invalid(at, field, "true or false", describe(v));
        }
        return v.booleanValue();
    }

    public static double number(JsonNode n, String field, String at, double min, double max) throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw invalid(at, field, "a number", describe(v));
        }
        double d = v.doubleValue();
        if (d < min || d > max) {
            throw invalid(at, field, "a number between " + min + " and " + max, Double.toString(d));
        }
        return d;
    }

    /** A number of seconds, fractions allowed. */
    public static Duration seconds(JsonNode n, String field, String at, double min, double max) throws InvalidConfigException {
        return Duration.ofNanos(Math.round(number(n, field, at, min, max) * 1e9));
    }

    /** An optional mapping of texts (numbers and booleans are taken as written); empty when absent. */
    public static Map<String, String> textMap(JsonNode n, String field, String at) throws InvalidConfigException {
        JsonNode v = n.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw invalid(at, field, "a mapping of names to texts", describe(v));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw invalid(at, field + "." + e.getKey(), "a text", describe(value));
            }
            out.put(e.getKey(), value.asString());
        }
        return out;
    }

    /** The items of a list; absent means empty. */
    public static List<JsonNode> list(JsonNode n, String field, String at) throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(at, field, "a list", describe(v));
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    public static String quote(String s) {
        return "'" + s + "'";
    }

    public static InvalidConfigException invalid(String at, String field, String expected, String found) {
        return new InvalidConfigException(at + ": '" + field + "' expected " + expected + " but was " + found);
    }

    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
