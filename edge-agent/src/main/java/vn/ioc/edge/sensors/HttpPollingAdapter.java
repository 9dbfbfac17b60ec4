package vn.ioc.edge.sensors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.edge.ConfigNodes;
import vn.ioc.ingest.contract.Measurement;

/**
 * A sensor read by polling a JSON endpoint over HTTP every interval: a weather station, an
 * air-quality box or a water-level gauge with a small web API. Each configured
 * {@link PolledField} becomes one reading. A poll that fails (no answer in time, an HTTP
 * error, not JSON) is logged and skipped; so is a field that is missing or not a number,
 * while the other fields of the same answer still go out.
 */
public final class HttpPollingAdapter implements SensorAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPollingAdapter.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_BODY_IN_MESSAGE = 80;

    private final String sensorId;
    private final URI url;
    private final PollingSchedule schedule;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final List<PolledField> fields;
    private final Clock clock;
    private final HttpClient client;

    /** A poll that produced nothing, with why. */
    public static final class PollException extends Exception {
        public PollException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param headers sent with every request, e.g. an API key or {@code Accept}
     */
    public HttpPollingAdapter(String sensorId, URI url, Duration interval, Duration timeout, Map<String, String> headers,
                              List<PolledField> fields, Clock clock) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("sensor '" + sensorId + "': expected at least one field to read but there are none");
        }
        this.sensorId = sensorId;
        this.url = url;
        this.schedule = new PollingSchedule(sensorId, interval, timeout.plusSeconds(1));
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.fields = List.copyOf(fields);
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String sensorId() {
        return sensorId;
    }

    public URI url() {
        return url;
    }

    @Override
    public void start(ReadingSink sink) {
        schedule.start(sink, this::poll, url.toString());
    }

    /**
     * One request, and the readings it yields. Fields that are missing or not numbers are
     * logged and left out.
     *
     * @throws PollException when the endpoint gives nothing usable, naming the sensor's URL and why
     */
    public List<Measurement> poll() throws PollException, InterruptedException {
        Instant polledAt = clock.instant();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PollException("GET " + url + " failed: " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PollException("GET " + url + " answered HTTP " + response.statusCode() + " " + excerpt(response.body()), null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new PollException("GET " + url + " answered something that is not JSON: " + excerpt(response.body()), e);
        }
        List<Measurement> out = new ArrayList<>(fields.size());
        for (PolledField f : fields) {
            try {
                out.add(new Measurement(f.metric(), f.unit(), value(root, f), time(root, f, polledAt)));
            } catch (PollException e) {
                LOG.warn("sensor '{}': {} from {}; '{}' skipped", sensorId, e.getMessage(), url, f.metric());
            }
        }
        return out;
    }

    private static double value(JsonNode root, PolledField f) throws PollException {
        JsonNode v = root.at(f.pointer());
        if (v.isMissingNode()) {
            throw new PollException("no '" + f.metric() + "' at " + f.pointer(), null);
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new PollException("expected a number for '" + f.metric() + "' at " + f.pointer() + " but was " + ConfigNodes.describe(v), null);
        }
        return v.doubleValue() * f.scale();
    }

    private static Instant time(JsonNode root, PolledField f, Instant polledAt) throws PollException {
        if (f.timePointer() == null) {
            return polledAt;
        }
        JsonNode t = root.at(f.timePointer());
        if (t.isNumber() && Double.isFinite(t.doubleValue())) {
            double seconds = f.timeInMillis() ? t.doubleValue() / 1000 : t.doubleValue();
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (t.isString()) {
            try {
                return OffsetDateTime.parse(t.stringValue()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below with what was found
            }
        }
        throw new PollException("expected a time (seconds since 1970 or ISO-8601 with an offset) for '" + f.metric() + "' at "
                + f.timePointer() + " but was " + ConfigNodes.describe(t.isMissingNode() ? null : t), null);
    }

    private static String excerpt(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return "'" + (s.length() > MAX_BODY_IN_MESSAGE ? s.substring(0, MAX_BODY_IN_MESSAGE) + "…" : s) + "'";
    }

    @Override
    public void close() {
        schedule.stop();
    }
}
