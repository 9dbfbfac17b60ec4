package vn.ioc.streaming.incident;

import java.util.List;
import java.util.Set;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * How sure an incident is, from its evidence: each independent source is taken as a chance
 * of being right on its own, and the incident is wrong only if every source is (noisy-OR).
 * One sensor or one camera gives 0.6, a camera and a sensor that agree 0.84, a sensor and a
 * citizen's report 0.76. Several metrics of one device are one source.
 *
 * <p>Incidents about a device itself (offline, tampered, drifting) are observed directly,
 * not inferred, and are certain.
 */
public final class Confidence {

    static final double DEVICE = 0.6;
    static final double REPORT = 0.4;
    private static final Set<Incident.Type> ABOUT_DEVICES = Set.of(
            Incident.Type.DEVICE_OFFLINE, Incident.Type.CAMERA_TAMPER, Incident.Type.SENSOR_DRIFT);

    private Confidence() {
    }

    public static double of(Incident.Type type, List<Evidence> evidence) {
        if (ABOUT_DEVICES.contains(type)) {
            return 1.0;
        }
        double allWrong = 1.0;
        for (Evidence e : evidence) {
            allWrong *= 1 - (e.kind() == Evidence.Kind.REPORT ? REPORT : DEVICE);
        }
        return Math.round((1 - allWrong) * 1000) / 1000.0;
    }
}
