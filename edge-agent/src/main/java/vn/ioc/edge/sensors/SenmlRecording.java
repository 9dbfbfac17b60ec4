package vn.ioc.edge.sensors;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.edge.ConfigNodes;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;

/**
 * Readings recorded as SenML JSON (RFC 8428): an array of records, or a file whose records
 * are split over several arrays (one per line or one after another), as a sensor sent them.
 * Base name, time, unit and value ({@code bn}, {@code bt}, {@code bu}, {@code bv}) apply from
 * the record that carries them on; the metric is the record's {@code n}, or, without one, the
 * last part of the base name. Times below 2<sup>28</sup> s are relative (RFC 8428 §4.5.3), here
 * to the instant the caller gives. Only numeric values ({@code v}) are read: a record with a
 * text, boolean or data value is refused, as the contract carries numbers only.
 */
public final class SenmlRecording {

    private static final double RELATIVE_LIMIT = 1L << 28;
    /** Reads one array after another from the same file. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SenmlRecording() {
    }

    /**
     * @param relativeTo what relative times count from
     * @throws IOException when the file is not SenML JSON, naming the record and the field
     */
    public static List<Measurement> read(String name, InputStream in, Instant relativeTo) throws IOException {
        List<Measurement> out = new ArrayList<>();
        int arrays = 0;
        try (JsonParser parser = MAPPER.createParser(in)) {
            for (JsonNode root = MAPPER.readTree(parser); root != null && !root.isMissingNode(); root = MAPPER.readTree(parser)) {
                if (!root.isArray()) {
                    throw new IOException(name + ": expected SenML JSON arrays of records but found " + root.getNodeType().name().toLowerCase());
                }
                Base base = new Base();
                for (int i = 0; i < root.size(); i++) {
                    String at = name + (arrays > 0 ? " array " + (arrays + 1) : "") + " record " + i;
                    out.add(record(root.get(i), base, at, relativeTo));
                }
                arrays++;
            }
        } catch (JacksonException e) {
            throw new IOException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(name + ": expected at least one SenML record but there are none");
        }
        return out;
    }

    /** The base fields in force, from the record that sets them on (within one array). */
    private static final class Base {
        String name = "";
        double time;
        String unit;
        double value;
    }

    private static Measurement record(JsonNode r, Base base, String at, Instant relativeTo) throws IOException {
        if (r == null || !r.isObject()) {
            throw new IOException(at + ": expected a SenML record (an object) but was " + ConfigNodes.describe(r));
        }
        if (r.has("bn")) {
            base.name = text(r, "bn", at);
        }
        if (r.has("bt")) {
            base.time = number(r, "bt", at);
        }
        if (r.has("bu")) {
            base.unit = text(r, "bu", at);
        }
        if (r.has("bv")) {
            base.value = number(r, "bv", at);
        }
        for (String other : new String[] {"vs", "vb", "vd"}) {
            if (r.has(other)) {
                throw new IOException(at + ": expected a numeric value 'v' but found '" + other + "' (only numbers are sent)");
            }
        }
        if (!r.has("v")) {
            throw new IOException(at + ": expected a value 'v' but there is none");
        }
        String metric = r.has("n") ? text(r, "n", at) : lastPart(base.name);
        if (!SenmlCodec.isValidMetric(metric)) {
            throw new IOException(at + ": expected a metric name like 'speed' or 'pm2_5' in 'n' but was '" + metric + "'");
        }
        String unit = r.has("u") ? text(r, "u", at) : base.unit;
        if (unit != null && !SenmlCodec.isValidUnit(unit)) {
            throw new IOException(at + ": expected a SenML unit such as 'km/h', '%' or 's' but was '" + unit + "'");
        }
        double seconds = base.time + (r.has("t") ? number(r, "t", at) : 0);
        Instant time = seconds < RELATIVE_LIMIT
                ? relativeTo.plusNanos(Math.round(seconds * 1e9))
                : Instant.ofEpochMilli(Math.round(seconds * 1000));
        return new Measurement(metric, unit, base.value + number(r, "v", at), time);
    }

    private static String lastPart(String baseName) {
        String s = baseName;
        while (!s.isEmpty() && "/:".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        return s.substring(cut + 1);
    }

    private static String text(JsonNode r, String field, String at) throws IOException {
        JsonNode v = r.get(field);
        if (!v.isString()) {
            throw new IOException(at + ": expected '" + field + "' to be a text but was " + ConfigNodes.describe(v));
        }
        return v.stringValue();
    }

    private static double number(JsonNode r, String field, String at) throws IOException {
        JsonNode v = r.get(field);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new IOException(at + ": expected '" + field + "' to be a number but was " + ConfigNodes.describe(v));
        }
        return v.doubleValue();
    }
}
