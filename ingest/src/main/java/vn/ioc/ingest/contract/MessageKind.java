package vn.ioc.ingest.contract;

/** What a topic under {@code ioc/v1} carries. */
public enum MessageKind {
    SENSOR_OBSERVATIONS,
    CAMERA_STATS,
    CAMERA_EVENT,
    CAMERA_FRAME,
    SITE_STATUS,
    INCIDENT,
    REPORT
}
