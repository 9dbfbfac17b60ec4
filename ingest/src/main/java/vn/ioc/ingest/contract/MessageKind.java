package vn.ioc.ingest.contract;

/** What a topic under {@code ioc/v1} carries. */
public enum MessageKind {
    SENSOR_OBSERVATIONS,
    CAMERA_STATS,
    CAMERA_EVENT,
    /** A frame of a public camera, shared with citizens. */
    CAMERA_FRAME,
    /** A frame of a camera that is not public: for operators only. */
    OPERATOR_FRAME,
    SITE_STATUS,
    INCIDENT,
    REPORT
}
