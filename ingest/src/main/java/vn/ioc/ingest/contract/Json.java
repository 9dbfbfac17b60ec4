package vn.ioc.ingest.contract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading untrusted JSON: one mapper with tight parser limits, and field readers whose
 * errors name the field, what was expected and what was found.
 */
public final class Json {

    /** Large enough for any statistics or event message, small enough to refuse garbage early. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    public static final JsonMapper MAPPER = mapper(8 * 1024);

    /** A camera event carries its snapshot picture as one long text (a data URI). */
    public static final int MAX_EVENT_PAYLOAD_BYTES = 320 * 1024;
    private static final JsonMapper PICTURE_MAPPER = mapper(MAX_EVENT_PAYLOAD_BYTES);

    /** Times before this are a device clock that was never set. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Json() {
    }

    private static JsonMapper mapper(int maxStringLength) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(16)
                                .maxStringLength(maxStringLength)
                                .maxNumberLength(64)
                                .build())
                        .build())
                .build();
    }

    public static JsonNode parse(byte[] payload, String what) throws InvalidMessageException {
        return parse(payload, what, MAX_PAYLOAD_BYTES, MAPPER);
    }

    /** As {@link #parse(byte[], String)} for a message that may carry a picture: larger, with one long text. */
    public static JsonNode parseWithPicture(byte[] payload, String what) throws InvalidMessageException {
        return parse(payload, what, MAX_EVENT_PAYLOAD_BYTES, PICTURE_MAPPER);
    }

    private static JsonNode parse(byte[] payload, String what, int maxBytes, JsonMapper mapper) throws InvalidMessageException {
        if (payload == null || payload.length == 0) {
            throw InvalidMessageException.expected(what, "an empty payload");
        }
        if (payload.length > maxBytes) {
            throw InvalidMessageException.expected(what + " of at most " + maxBytes + " bytes", payload.length + " bytes");
        }
        try {
            return mapper.readTree(payload);
        } catch (JacksonException e) {
            throw new InvalidMessageException("expected " + what + " but the JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode object(JsonNode node, String what) throws InvalidMessageException {
        if (node == null || !node.isObject()) {
            throw InvalidMessageException.expected(what + " to be a JSON object", describe(node));
        }
        return (ObjectNode) node;
    }

    public static String string(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isString()) {
            throw InvalidMessageException.expected("'" + field + "' to be a string", describe(v));
        }
        return v.stringValue();
    }

    public static String optionalString(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return string(obj, field);
    }

    public static String id(JsonNode obj, String field) throws InvalidMessageException {
        String s = string(obj, field);
        if (!Topics.isValidId(s)) {
            throw InvalidMessageException.expected("'" + field + "' to be an id of letters, digits, '.', '_' or '-'", Topics.quote(s));
        }
        return s;
    }

    public static String optionalId(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : id(obj, field);
    }

    /**
     * Free text from people (a citizen's description): at most {@code maxChars} characters and
     * no control characters but tab and line breaks, which no one types and some stores refuse (NUL).
     */
    public static String optionalText(JsonNode obj, String field, int maxChars) throws InvalidMessageException {
        String s = optionalString(obj, field);
        if (s == null) {
            return null;
        }
        int chars = s.codePointCount(0, s.length());
        if (chars > maxChars) {
            throw InvalidMessageException.expected("'" + field + "' of at most " + maxChars + " characters", chars + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw InvalidMessageException.expected("'" + field + "' without control characters",
                        String.format("U+%04X at character %d", (int) c, s.codePointCount(0, i)));
            }
        }
        return s;
    }

    public static long nonNegativeLong(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw InvalidMessageException.expected("'" + field + "' to be a non-negative integer", describe(v));
        }
        return v.longValue();
    }

    public static double finite(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw InvalidMessageException.expected("'" + field + "' to be a finite number", describe(v));
        }
        return v.doubleValue();
    }

    public static OptionalDouble optionalFinite(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? OptionalDouble.empty() : OptionalDouble.of(finite(obj, field));
    }

    public static double between(JsonNode obj, String field, double min, double max) throws InvalidMessageException {
        double d = finite(obj, field);
        if (d < min || d > max) {
            throw InvalidMessageException.expected("'" + field + "' between " + min + " and " + max, d);
        }
        return d;
    }

    public static boolean bool(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isBoolean()) {
            throw InvalidMessageException.expected("'" + field + "' to be true or false", describe(v));
        }
        return v.booleanValue();
    }

    public static Instant time(JsonNode obj, String field) throws InvalidMessageException {
        String s = string(obj, field);
        try {
            return plausible(Instant.parse(s), field);
        } catch (DateTimeParseException e) {
            throw InvalidMessageException.expected("'" + field + "' to be an ISO-8601 UTC time like 2026-11-23T08:00:00Z", Topics.quote(s));
        }
    }

    public static Instant optionalTime(JsonNode obj, String field) throws InvalidMessageException {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : time(obj, field);
    }

    static Instant plausible(Instant t, String field) throws InvalidMessageException {
        if (t.isBefore(EARLIEST)) {
            throw InvalidMessageException.expected("'" + field + "' after " + EARLIEST + " (is the device clock set?)", t);
        }
        return t;
    }

    public static <E extends Enum<E>> E enumValue(JsonNode obj, String field, Class<E> type) throws InvalidMessageException {
        String s = string(obj, field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw InvalidMessageException.expected("'" + field + "' to be one of " + java.util.Arrays.toString(type.getEnumConstants()), Topics.quote(s));
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        String text = v.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return v.getNodeType().name().toLowerCase() + " " + shown;
    }
}
