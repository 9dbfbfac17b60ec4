package vn.ioc.edge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One mapping of a YAML configuration with the place it came from, so that every error says
 * where (file and path), which field, what was expected and what was found.
 */
public final class ConfigNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h)");

    private final JsonNode node;
    private final String at;

    private ConfigNode(JsonNode node, String at) {
        this.node = node;
        this.at = at;
    }

    /** @param at where the mapping is, e.g. {@code "agent.yaml cameras[1]"} */
    public static ConfigNode of(JsonNode node, String at) throws InvalidConfigException {
        ConfigNodes.object(node, at);
        return new ConfigNode(node, at);
    }

    public String at() {
        return at;
    }

    public JsonNode json() {
        return node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** Refuses a misspelt field instead of silently ignoring it. */
    public ConfigNode onlyKnown(Set<String> known) throws InvalidConfigException {
        ConfigNodes.onlyKnownFields(node, known, at);
        return this;
    }

    public String string(String field) throws InvalidConfigException {
        return ConfigNodes.string(node, field, at);
    }

    public Optional<String> optionalString(String field) throws InvalidConfigException {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    public double number(String field, double min, double max) throws InvalidConfigException {
        return ConfigNodes.number(node, field, at, min, max);
    }

    public double number(String field, double fallback, double min, double max) throws InvalidConfigException {
        return has(field) ? number(field, min, max) : fallback;
    }

    public int integer(String field, int fallback, int min, int max) throws InvalidConfigException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw invalid(field, "a whole number between " + min + " and " + max, describe(v));
        }
        return v.intValue();
    }

    public boolean bool(String field, boolean fallback) throws InvalidConfigException {
        return has(field) ? ConfigNodes.bool(node, field, at) : fallback;
    }

    /** A duration written like {@code 10s}, {@code 500ms}, {@code 2min} or {@code 1h}. */
    public Duration duration(String field, Duration fallback, Duration min, Duration max) throws InvalidConfigException {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        Matcher m = v.isString() ? DURATION.matcher(v.stringValue().strip()) : null;
        if (m == null || !m.matches()) {
            throw invalid(field, "a duration like 10s, 500ms, 2min or 1h", describe(v));
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = amount * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "min" -> 60_000;
            default -> 3_600_000;
        };
        Duration d = Duration.ofMillis(Math.round(millis));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw invalid(field, "a duration between " + min + " and " + max, v.stringValue());
        }
        return d;
    }

    /** The mapping under {@code field}, or empty when it is absent. */
    public Optional<ConfigNode> optionalObject(String field) throws InvalidConfigException {
        return has(field) ? Optional.of(of(node.get(field), at + " " + field)) : Optional.empty();
    }

    /** The items of a list; absent means empty. Items are addressed as {@code field[i]}. */
    public List<JsonNode> list(String field) throws InvalidConfigException {
        return ConfigNodes.list(node, field, at);
    }

    public InvalidConfigException invalid(String field, String expected, String found) {
        return ConfigNodes.invalid(at, field, expected, found);
    }

    public static String quote(String s) {
        return ConfigNodes.quote(s);
    }

    public static String describe(JsonNode v) {
        return ConfigNodes.describe(v);
    }
}
