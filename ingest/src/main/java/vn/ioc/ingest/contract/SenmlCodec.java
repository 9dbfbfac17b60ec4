package vn.ioc.ingest.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SenML JSON (RFC 8428) for sensor observations, with the contract's additions:
 *
 * <ul>
 *   <li>the first record carries the extension fields {@code agent} and {@code seq}, the
 *       agent's id and its per-agent message number, so redeliveries are recognised;</li>
 *   <li>the base name, when present, is {@code {site}/{sensor}/} and must match the topic;
 *       the record name is the metric;</li>
 *   <li>values are numeric ({@code v}, plus {@code bv});</li>
 *   <li>times are absolute. RFC 8428 lets a time below 2<sup>28</sup> mean "relative to
 *       now", but an edge agent may buffer a message for hours, so "now" is unknown here
 *       and such a message is refused rather than stored at the wrong time.</li>
 * </ul>
 */
public final class SenmlCodec implements Codec<SensorMessage> {

    public static final int MAX_RECORDS = 1000;
    /** Clocks ahead by more than this are refused: the reading would sort into the future. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);
    private static final double RELATIVE_LIMIT = 1L << 28;
    private static final Pattern METRIC = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern UNIT = Pattern.compile("[\\p{Graph}]{1,16}");

    /**
     * The good records of a message, and why each bad one was refused. Throws only when nothing
     * in the message can be trusted: not SenML JSON, too large, or no agent and sequence number.
     */
    public record Partial(SensorMessage message, List<String> refused) {
        public Partial {
            refused = List.copyOf(refused);
        }
    }

    /** Strict: one bad record refuses the whole message. */
    /** Whether a record name is a metric name this contract accepts (e.g. speed, pm2_5). */
    public static boolean isValidMetric(String metric) {
        return metric != null && METRIC.matcher(metric).matches();
    }

    /** Whether a unit is one this contract accepts (a SenML unit such as km/h, % or s). */
    public static boolean isValidUnit(String unit) {
        return unit != null && UNIT.matcher(unit).matches();
    }

    @Override
    public SensorMessage decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        Partial p = decodePartially(address, payload, receivedAt);
        if (!p.refused().isEmpty()) {
            throw new InvalidMessageException(String.join("; ", p.refused()));
        }
        return p.message();
    }

    /**
     * Lenient: keeps the good records beside a bad one. Base fields (bn, bt, bu, bv) still
     * apply from the record that carries them on, as RFC 8428 says, even when that record's
     * own value is refused.
     */
    public Partial decodePartially(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        JsonNode root = Json.parse(payload, "a SenML JSON array");
        if (!root.isArray() || root.isEmpty()) {
            throw InvalidMessageException.expected("a non-empty SenML JSON array", Json.describe(root));
        }
        if (root.size() > MAX_RECORDS) {
            throw InvalidMessageException.expected("at most " + MAX_RECORDS + " SenML records", root.size());
        }
        ObjectNode first = Json.object(root.get(0), "record 0");
        String agent = Json.id(first, "agent");
        long seq = Json.nonNegativeLong(first, "seq");
        String expectedBase = address.site() + "/" + address.device() + "/";

        Instant latest = receivedAt.plus(MAX_CLOCK_AHEAD);
        Base base = new Base();
        List<Measurement> out = new ArrayList<>(root.size());
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                if (base.broken != null) {
                    throw new InvalidMessageException("follows " + base.broken);
                }
                ObjectNode r = Json.object(root.get(i), "the record");
                try {
                    base.apply(r, expectedBase);
                } catch (InvalidMessageException e) {
                    base.broken = "the refused base fields of record " + i;
                    throw e;
                }
                out.add(record(r, base, latest));
            } catch (InvalidMessageException e) {
                refused.add("record " + i + ": " + e.getMessage());
            }
        }
        return new Partial(new SensorMessage(agent, seq, address.site(), address.device(), out), refused);
    }

    /**
     * The base fields in force: set by the record that carries them, for it and those after
     * it. Once a record's base fields are refused, the records after it cannot be read right.
     */
    private static final class Base {
        Double time;
        double value;
        String unit;
        String broken;

        void apply(ObjectNode r, String expectedName) throws InvalidMessageException {
            rejectMustUnderstand(r);
            if (r.has("bn") && !expectedName.equals(Json.string(r, "bn"))) {
                throw InvalidMessageException.expected("base name '" + expectedName + "' matching the topic",
                        Topics.quote(r.get("bn").asString()));
            }
            if (r.has("bt")) {
                time = Json.finite(r, "bt");
            }
            if (r.has("bv")) {
                value = Json.finite(r, "bv");
            }
            if (r.has("bu")) {
                unit = unit(Json.string(r, "bu"));
            }
        }
    }

    private static Measurement record(ObjectNode r, Base base, Instant latest) throws InvalidMessageException {
        for (String unsupported : new String[] {"vs", "vb", "vd"}) {
            if (r.has(unsupported)) {
                throw InvalidMessageException.expected("a numeric value 'v'", "a non-numeric value '" + unsupported + "'");
            }
        }
        String metric = Json.string(r, "n");
        if (!METRIC.matcher(metric).matches()) {
            throw InvalidMessageException.expected("'n' to be a metric name like 'speed' or 'pm2_5'", Topics.quote(metric));
        }
        double value = base.value + Json.finite(r, "v");
        String unit = r.has("u") ? unit(Json.string(r, "u")) : base.unit;
        return new Measurement(metric, unit, value, time(base.time, r, latest));
    }

    private static void rejectMustUnderstand(ObjectNode r) throws InvalidMessageException {
        for (Map.Entry<String, JsonNode> f : r.properties()) {
            if (f.getKey().endsWith("_")) {
                throw InvalidMessageException.expected("no must-understand extension fields", "'" + f.getKey() + "'");
            }
        }
    }

    private static String unit(String u) throws InvalidMessageException {
        if (!UNIT.matcher(u).matches()) {
            throw InvalidMessageException.expected("a SenML unit such as 'km/h', '%' or 's'", Topics.quote(u));
        }
        return u;
    }

    private static Instant time(Double baseTime, ObjectNode r, Instant latest) throws InvalidMessageException {
        if (baseTime == null && !r.has("t")) {
            throw InvalidMessageException.expected("a time 't' or base time 'bt'", "neither");
        }
        double seconds = (baseTime == null ? 0 : baseTime) + (r.has("t") ? Json.finite(r, "t") : 0);
        if (seconds < RELATIVE_LIMIT) {
            throw InvalidMessageException.expected("an absolute time (seconds since 1970)",
                    "the relative time " + seconds + " s, which a buffered message cannot carry");
        }
        Instant t = Instant.ofEpochMilli(Math.round(seconds * 1000));
        Json.plausible(t, "t");
        if (t.isAfter(latest)) {
            throw InvalidMessageException.expected("a time no later than " + latest + " (is the device clock ahead?)", t);
        }
        return t;
    }

    @Override
    public byte[] encode(SensorMessage m) {
        ArrayNode root = Json.MAPPER.createArrayNode();
        double baseTime = seconds(m.measurements().get(0).time());
        for (int i = 0; i < m.measurements().size(); i++) {
            Measurement x = m.measurements().get(i);
            ObjectNode r = root.addObject();
            if (i == 0) {
                r.put("bn", m.site() + "/" + m.sensor() + "/");
                r.put("bt", baseTime);
                r.put("agent", m.agent());
                r.put("seq", m.seq());
            }
            r.put("n", x.metric());
            if (x.unit() != null) {
                r.put("u", x.unit());
            }
            r.put("v", x.value());
            double t = seconds(x.time()) - baseTime;
            if (t != 0) {
                r.put("t", t);
            }
        }
        return Json.write(root);
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
