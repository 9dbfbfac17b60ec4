package vn.ioc.ingest.contract;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The MQTT topic space of the IOC, in one place: builders for every topic, the filters
 * subscribers use, and the parser that turns a received topic back into its parts.
 *
 * <pre>
 * ioc/v1/{site}/sensor/{id}/obs      SenML observations            QoS 1
 * ioc/v1/{site}/camera/{id}/stats    traffic statistics            QoS 1
 * ioc/v1/{site}/camera/{id}/event    edge-detected events          QoS 1
 * ioc/v1/{site}/camera/{id}/frame    latest filtered JPEG, public  QoS 0, retained
 * ioc/v1/{site}/ops/camera/{id}/frame  the same, operators only    QoS 0, retained
 * ioc/v1/{site}/status               birth / will                  QoS 1, retained
 * ioc/v1/incidents/{incidentId}      incident state changes        QoS 1
 * ioc/v1/reports/{reportId}          citizen reports               QoS 1
 * </pre>
 */
public final class Topics {

    public static final String ROOT = "ioc/v1";

    /** Site names that would collide with the central topics. */
    public static final Set<String> RESERVED_SITES = Set.of("incidents", "reports", "ops", "system");

    /** Ids are one topic level: no wildcards, no separators, nothing a shell or URL mangles. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public static final String ALL_SENSOR_OBSERVATIONS = ROOT + "/+/sensor/+/obs";
    public static final String ALL_CAMERA_STATS = ROOT + "/+/camera/+/stats";
    public static final String ALL_CAMERA_EVENTS = ROOT + "/+/camera/+/event";
    public static final String ALL_CAMERA_FRAMES = ROOT + "/+/camera/+/frame";
    /** Frames of cameras not shared with citizens: a broker ACL gives them to operators' consoles only. */
    public static final String ALL_OPERATOR_FRAMES = ROOT + "/+/ops/camera/+/frame";
    public static final String ALL_SITE_STATUS = ROOT + "/+/status";
    public static final String ALL_INCIDENTS = ROOT + "/incidents/+";
    public static final String ALL_REPORTS = ROOT + "/reports/+";

    /** The edge's bulk data: what the stream job spreads over its sessions, with the citizen reports. */
    public static final List<String> EDGE_DATA = List.of(ALL_SENSOR_OBSERVATIONS, ALL_CAMERA_STATS, ALL_CAMERA_EVENTS);

    private Topics() {
    }

    public static String sensorObservations(String site, String sensor) {
        return ROOT + "/" + site(site) + "/sensor/" + id(sensor) + "/obs";
    }

    public static String cameraStats(String site, String camera) {
        return ROOT + "/" + site(site) + "/camera/" + id(camera) + "/stats";
    }

    public static String cameraEvent(String site, String camera) {
        return ROOT + "/" + site(site) + "/camera/" + id(camera) + "/event";
    }

    public static String cameraFrame(String site, String camera) {
        return ROOT + "/" + site(site) + "/camera/" + id(camera) + "/frame";
    }

    /** Where a camera that is not public sends its frames: under the site's prefix, outside the public filter. */
    public static String operatorFrame(String site, String camera) {
        return ROOT + "/" + site(site) + "/ops/camera/" + id(camera) + "/frame";
    }

    public static String status(String site) {
        return ROOT + "/" + site(site) + "/status";
    }

    public static String incident(String incidentId) {
        return ROOT + "/incidents/" + id(incidentId);
    }

    public static String report(String reportId) {
        return ROOT + "/reports/" + id(reportId);
    }

    /** {@code $share/{group}/{filter}}: each message goes to one member of the group. */
    public static String shared(String group, String filter) {
        return "$share/" + id(group) + "/" + filter;
    }

    /** The prefix a site may publish under; brokers' ACLs grant exactly this. */
    public static String sitePrefix(String site) {
        return ROOT + "/" + site(site) + "/";
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean isValidSite(String site) {
        return isValidId(site) && !RESERVED_SITES.contains(site);
    }

    /** Checks an id and returns it, so builders never produce a topic that parses differently. */
    public static String id(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("expected an id of 1-64 letters, digits, '.', '_' or '-' but was " + quote(id));
        }
        return id;
    }

    public static String site(String site) {
        id(site);
        if (RESERVED_SITES.contains(site)) {
            throw new IllegalArgumentException("expected a site id but was the reserved name " + quote(site));
        }
        return site;
    }

    public static TopicAddress parse(String topic) throws InvalidMessageException {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            throw InvalidMessageException.expected("a topic under " + ROOT + "/", quote(topic));
        }
        String[] p = topic.substring(ROOT.length() + 1).split("/", -1);
        if (p.length == 2 && (p[0].equals("incidents") || p[0].equals("reports"))) {
            requireId(p[1], "an incident or report id", topic);
            return TopicAddress.central(p[0].equals("incidents") ? MessageKind.INCIDENT : MessageKind.REPORT, p[1]);
        }
        String site = p[0];
        if (!isValidSite(site)) {
            throw InvalidMessageException.expected("a site id in topic " + quote(topic), quote(site));
        }
        if (p.length == 2 && p[1].equals("status")) {
            return TopicAddress.edge(MessageKind.SITE_STATUS, site, null);
        }
        if (p.length == 4) {
            requireId(p[2], "a device id", topic);
            MessageKind kind = switch (p[1] + "/" + p[3]) {
                case "sensor/obs" -> MessageKind.SENSOR_OBSERVATIONS;
                case "camera/stats" -> MessageKind.CAMERA_STATS;
                case "camera/event" -> MessageKind.CAMERA_EVENT;
                case "camera/frame" -> MessageKind.CAMERA_FRAME;
                default -> null;
            };
            if (kind != null) {
                return TopicAddress.edge(kind, site, p[2]);
            }
        }
        if (p.length == 5 && p[1].equals("ops") && p[2].equals("camera") && p[4].equals("frame")) {
            requireId(p[3], "a camera id", topic);
            return TopicAddress.edge(MessageKind.OPERATOR_FRAME, site, p[3]);
        }
        throw InvalidMessageException.expected(
                "ioc/v1/{site}/sensor/{id}/obs, .../camera/{id}/stats|event|frame, .../ops/camera/{id}/frame or .../status",
                quote(topic));
    }

    private static void requireId(String id, String what, String topic) throws InvalidMessageException {
        if (!isValidId(id)) {
            throw InvalidMessageException.expected(what + " in topic " + quote(topic), quote(id));
        }
    }

    static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
