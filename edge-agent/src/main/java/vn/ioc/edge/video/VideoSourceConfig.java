package vn.ioc.edge.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.ConfigNodes;

/**
 * Where a camera's video comes from and how to read it. The location is URI-like:
 *
 * <ul>
 *   <li>{@code file:/videos/cam.mp4}, {@code /videos/cam.mp4} or {@code videos/cam.mp4}: a video file;</li>
 *   <li>{@code rtsp://host/stream} (or {@code rtsps://}): an IP camera;</li>
 *   <li>{@code http://host/mjpeg} or {@code https://…}: an HTTP stream, MJPEG
 *       ({@code multipart/x-mixed-replace}) included;</li>
 *   <li>{@code v4l2:/dev/video0}: a local camera through FFmpeg's {@code video4linux2} input.</li>
 * </ul>
 *
 * <p>In YAML or JSON ({@link #fromConfig}) either just the location as text, or a mapping:
 *
 * <table>
 *   <caption>video source keys</caption>
 *   <tr><td>{@code uri}</td><td>the location above (required)</td></tr>
 *   <tr><td>{@code loop}</td><td>files: start over at the end instead of ending (default false)</td></tr>
 *   <tr><td>{@code pacing}</td><td>files: {@code real-time} (default), frames come at the clip's
 *       own rate like a live camera; {@code fast}, as fast as they decode</td></tr>
 *   <tr><td>{@code timeoutSeconds}</td><td>live streams: how long a connect or read may block before the
 *       stream counts as lost (default 10)</td></tr>
 *   <tr><td>{@code rtspTransport}</td><td>{@code tcp} (default: no lost packets through NAT and
 *       firewalls) or {@code udp}</td></tr>
 *   <tr><td>{@code reconnectInitialSeconds}, {@code reconnectMaxSeconds}</td><td>back-off between
 *       reconnects, doubling from the first to the second (defaults 1 and 30)</td></tr>
 *   <tr><td>{@code stableSeconds}</td><td>how long a connection must deliver frames before the back-off
 *       starts again from the first wait (default 60)</td></tr>
 *   <tr><td>{@code format}</td><td>FFmpeg input format when probing guesses wrong, e.g. {@code mpjpeg}</td></tr>
 *   <tr><td>{@code ffmpeg}</td><td>further FFmpeg input options as a mapping of text, e.g.
 *       {@code video_size: 1280x720} and {@code input_format: mjpeg} for a V4L2 camera</td></tr>
 * </table>
 *
 * @param location what FFmpeg opens: a file path, a URL, or a device path
 * @param options  further FFmpeg input options, added to those {@link #ffmpegOptions()} derives
 */
public record VideoSourceConfig(
        String uri, Kind kind, String location, String format,
        boolean loop, Pacing pacing, Duration timeout, boolean rtspOverTcp,
        Duration reconnectInitial, Duration reconnectMax, Duration stableAfter,
        Map<String, String> options) {

    public enum Kind {
        FILE, RTSP, HTTP, V4L2;

        /** Whether the stream runs on without us: its end is an outage, not the end of the video. */
        public boolean isLive() {
            return this != FILE;
        }
    }

    public enum Pacing {
        /** Frames are handed out no sooner than their presentation time: a file behaves like a camera. */
        REAL_TIME,
        /** Frames are handed out as fast as they decode: offline analysis. */
        FAST
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(60);

    private static final Set<String> FIELDS = Set.of("uri", "loop", "pacing", "timeoutSeconds", "rtspTransport",
            "reconnectInitialSeconds", "reconnectMaxSeconds", "stableSeconds", "format", "ffmpeg");

    public VideoSourceConfig {
        options = Map.copyOf(options);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("expected a positive timeout but was " + timeout);
        }
        if (stableAfter.isNegative()) {
            throw new IllegalArgumentException("expected a non-negative stable time but was " + stableAfter);
        }
        new Backoff(reconnectInitial, reconnectMax); // checks the pair
    }

    /**
     * Reads a location with the defaults: no loop, real-time pacing, 10 s timeout, RTSP over
     * TCP, reconnects from 1 s doubling to 30 s. A relative file path stays relative to the
     * working directory.
     *
     * @throws IllegalArgumentException for anything that is not one of the locations above
     */
    public static VideoSourceConfig parse(String uri) {
        return parse(uri, null);
    }

    /** As {@link #parse(String)}, with a relative file path taken relative to {@code baseDir}. */
    public static VideoSourceConfig parse(String uri, Path baseDir) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("expected a video location (file path, file:, rtsp://, http(s):// or v4l2:) but was "
                    + (uri == null ? "nothing" : "blank"));
        }
        String text = uri.strip();
        String scheme = scheme(text);
        Kind kind;
        String location;
        String format = null;
        switch (scheme) {
            case "" -> {
                kind = Kind.FILE;
                location = filePath(text, baseDir, uri);
            }
            case "file" -> {
                kind = Kind.FILE;
                location = fileUri(text, baseDir, uri);
            }
            case "rtsp", "rtsps" -> {
                kind = Kind.RTSP;
                location = url(text, uri);
            }
            case "http", "https" -> {
                kind = Kind.HTTP;
                location = url(text, uri);
            }
            case "v4l2" -> {
                kind = Kind.V4L2;
                location = text.substring("v4l2:".length());
                if (!location.startsWith("/dev/")) {
                    throw new IllegalArgumentException("expected a V4L2 device like 'v4l2:/dev/video0' but was '" + uri + "'");
                }
                format = "video4linux2";
            }
            default -> throw new IllegalArgumentException("expected a video location starting with file:, rtsp://, rtsps://, "
                    + "http://, https:// or v4l2:, or a file path, but was '" + uri + "' (scheme '" + scheme + "')");
        }
        return new VideoSourceConfig(text, kind, location, format, false, Pacing.REAL_TIME, DEFAULT_TIMEOUT, true,
                DEFAULT_RECONNECT_INITIAL, DEFAULT_RECONNECT_MAX, DEFAULT_STABLE_AFTER, Map.of());
    }

    /**
     * Reads a video source from configuration (the keys above).
     *
     * @param at      where the node is, for messages, e.g. {@code site 'hue-duc', camera 'cam-1'}
     * @param baseDir what relative file paths are relative to (the configuration's folder); null for the working directory
     */
    public static VideoSourceConfig fromConfig(JsonNode node, String at, Path baseDir) throws InvalidConfigException {
        if (node != null && node.isString()) {
            return parsed(node.stringValue(), at, baseDir);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidConfigException(at + ": expected a video location or a mapping with 'uri' but was " + ConfigNodes.describe(node));
        }
        ConfigNodes.onlyKnownFields(node, FIELDS, at);
        VideoSourceConfig c = parsed(ConfigNodes.string(node, "uri", at), at, baseDir);
        if (node.has("loop")) {
            c = c.withLoop(ConfigNodes.bool(node, "loop", at));
        }
        if (node.has("pacing")) {
            String p = ConfigNodes.string(node, "pacing", at);
            c = switch (p) {
                case "real-time" -> c.withPacing(Pacing.REAL_TIME);
                case "fast" -> c.withPacing(Pacing.FAST);
                default -> throw ConfigNodes.invalid(at, "pacing", "'real-time' or 'fast'", "'" + p + "'");
            };
        }
        if (node.has("timeoutSeconds")) {
            c = c.withTimeout(ConfigNodes.seconds(node, "timeoutSeconds", at, 0.1, 600));
        }
        if (node.has("rtspTransport")) {
            String t = ConfigNodes.string(node, "rtspTransport", at);
            if (!t.equals("tcp") && !t.equals("udp")) {
                throw ConfigNodes.invalid(at, "rtspTransport", "'tcp' or 'udp'", "'" + t + "'");
            }
            c = c.withRtspOverTcp(t.equals("tcp"));
        }
        Duration initial = node.has("reconnectInitialSeconds")
                ? ConfigNodes.seconds(node, "reconnectInitialSeconds", at, 0.01, 3600) : c.reconnectInitial();
        Duration max = node.has("reconnectMaxSeconds")
                ? ConfigNodes.seconds(node, "reconnectMaxSeconds", at, 0.01, 86400) : c.reconnectMax();
        if (max.compareTo(initial) < 0) {
            throw ConfigNodes.invalid(at, "reconnectMaxSeconds", "at least reconnectInitialSeconds (" + initial.toMillis() / 1000.0 + ")",
                    Double.toString(max.toMillis() / 1000.0));
        }
        c = c.withReconnect(initial, max);
        if (node.has("stableSeconds")) {
            c = c.withStableAfter(ConfigNodes.seconds(node, "stableSeconds", at, 0, 86400));
        }
        if (node.has("format")) {
            c = c.withFormat(ConfigNodes.string(node, "format", at));
        }
        for (Map.Entry<String, String> e : ConfigNodes.textMap(node, "ffmpeg", at).entrySet()) {
            c = c.withOption(e.getKey(), e.getValue());
        }
        return c;
    }

    private static VideoSourceConfig parsed(String uri, String at, Path baseDir) throws InvalidConfigException {
        try {
            return parse(uri, baseDir);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(at + ": " + e.getMessage(), e);
        }
    }

    /**
     * The FFmpeg input options for this source: the timeouts (FFmpeg takes microseconds), the
     * RTSP transport, then {@link #options()}, which win.
     */
    public Map<String, String> ffmpegOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        String micros = Long.toString(timeout.toNanos() / 1000);
        switch (kind) {
            case RTSP -> {
                o.put("rtsp_transport", rtspOverTcp ? "tcp" : "udp");
                o.put("timeout", micros); // socket I/O timeout of the RTSP demuxer
            }
            case HTTP -> {
                o.put("timeout", micros); // the HTTP protocol's socket timeout
                o.put("rw_timeout", micros); // any single read or write, so a stalled server ends the read
            }
            default -> {
            }
        }
        o.putAll(options);
        return o;
    }

    public VideoSourceConfig withLoop(boolean loop) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stableAfter, options);
    }

    public VideoSourceConfig withPacing(Pacing pacing) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stableAfter, options);
    }

    public VideoSourceConfig withTimeout(Duration timeout) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stableAfter, options);
    }

    public VideoSourceConfig withRtspOverTcp(boolean tcp) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, tcp,
                reconnectInitial, reconnectMax, stableAfter, options);
    }

    public VideoSourceConfig withReconnect(Duration initial, Duration max) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                initial, max, stableAfter, options);
    }

    public VideoSourceConfig withStableAfter(Duration stable) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stable, options);
    }

    public VideoSourceConfig withFormat(String format) {
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stableAfter, options);
    }

    public VideoSourceConfig withOption(String name, String value) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put(name, value);
        return new VideoSourceConfig(uri, kind, location, format, loop, pacing, timeout, rtspOverTcp,
                reconnectInitial, reconnectMax, stableAfter, o);
    }

    /** The location without user name and password, for logs and status reasons. */
    public String redacted() {
        if (kind != Kind.RTSP && kind != Kind.HTTP) {
            return location;
        }
        return location.replaceFirst("^([a-z]+://)[^/@]*@", "$1***@");
    }

    private static String scheme(String text) {
        int colon = text.indexOf(':');
        if (colon < 2) { // none, or a one-letter drive-like prefix: a path
            return "";
        }
        String s = text.substring(0, colon);
        return s.matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.toLowerCase(Locale.ROOT) : "";
    }

    private static String filePath(String text, Path baseDir, String uri) {
        try {
            Path p = Path.of(text);
            return (baseDir != null && !p.isAbsolute() ? baseDir.resolve(p) : p).toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("expected a video file path but was '" + uri + "': " + e.getMessage(), e);
        }
    }

    private static String fileUri(String text, Path baseDir, String uri) {
        String rest = text.substring("file:".length());
        if (rest.startsWith("//")) {
            try {
                return Path.of(new URI(text)).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a file URI like 'file:///videos/cam.mp4' but was '" + uri + "'", e);
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("expected a file path after 'file:' but was '" + uri + "'");
        }
        return filePath(rest, baseDir, uri);
    }

    private static String url(String text, String uri) {
        try {
            URI u = new URI(text);
            if (u.getHost() == null || u.getHost().isEmpty()) {
                throw new IllegalArgumentException("expected a host in the video URL but was '" + uri + "'");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected a valid video URL but was '" + uri + "': " + e.getReason(), e);
        }
    }
}
