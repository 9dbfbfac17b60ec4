package vn.ioc.console.alert;

import vn.ioc.ingest.contract.Incident;

/** What the public reads about an alert: the kind of event, in Vietnamese and English. */
final class AlertTexts {

    private AlertTexts() {
    }

    static String event(Incident.Type type) {
        return switch (type) {
            case CONGESTION -> "Ùn tắc giao thông / Congestion";
            case DEVICE_OFFLINE -> "Thiết bị mất kết nối / Device offline";
            case STALLED_VEHICLE -> "Xe dừng bất thường / Stalled vehicle";
            case WRONG_WAY -> "Đi ngược chiều / Wrong-way driver";
            case ZONE_INTRUSION -> "Xâm nhập khu vực / Zone intrusion";
            case CAMERA_TAMPER -> "Camera bị can thiệp / Camera tamper";
            case FLOODING -> "Ngập nước / Flooding";
            case AIR_QUALITY -> "Chất lượng không khí / Air quality";
            case ANOMALY -> "Bất thường / Unusual readings";
            case SENSOR_DRIFT -> "Cảm biến lệch / Sensor drift";
        };
    }
}
