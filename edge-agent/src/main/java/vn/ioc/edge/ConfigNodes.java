package vn.ioc.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Topics;

/**
 * Reading typed fields out of a YAML or JSON configuration node, with errors that say where
 * (the {@code at} text), which field, what was expected and what was found, in the words the
 * rest of the agent's configuration uses.
 */
public final class ConfigNodes {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h)");

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

    /** An optional whole number; {@code fallback} when absent. */
    public static int integer(JsonNode n, String field, String at, int fallback, int min, int max) throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw invalid(at, field, "a whole number between " + min + " and " + max, describe(v));
        }
        return v.intValue();
    }

    /** An optional duration written like {@code 10s}, {@code 500ms}, {@code 2min} or {@code 1h}; {@code fallback} when absent. */
    public static Duration duration(JsonNode n, String field, String at, Duration fallback, Duration min, Duration max)
            throws InvalidConfigException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        Matcher m = v.isString() ? DURATION.matcher(v.stringValue().strip()) : null;
        if (m == null || !m.matches()) {
            throw invalid(at, field, "a duration like 10s, 500ms, 2min or 1h", describe(v));
        }
        double millis = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "min" -> 60_000;
            default -> 3_600_000;
        };
        Duration d = Duration.ofMillis(Math.round(millis));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw invalid(at, field, "a duration between " + min + " and " + max, v.stringValue());
        }
        return d;
    }

    /** A device's {@code id}: one topic level. */
    public static String deviceId(JsonNode n, String at) throws InvalidConfigException {
        String id = string(n, "id", at);
        if (!Topics.isValidId(id)) {
            throw invalid(at, "id", "a device id of 1-64 letters, digits, '.', '_' or '-'", quote(id));
        }
        return id;
    }

    /** A device's {@code type}, checked as an id; {@code example} shows one in the error message. */
    public static String deviceType(String type, String at, String example) throws InvalidConfigException {
        if (!Topics.isValidId(type)) {
            throw invalid(at, "type", "a device type like '" + example + "'", quote(type));
        }
        return type;
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
