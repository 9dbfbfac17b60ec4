package vn.ioc.edge;

import java.util.ArrayList;
import java.util.List;

import vn.ioc.ingest.contract.SiteStatus;

/**
 * An edge site (one intersection) and what it carries. Its id is also its agent's id and
 * MQTT client id.
 *
 * @param ward the ward it stands in, as the configuration names it
 */
public record Site(String id, String name, String ward, double lat, double lon, List<Sensor> sensors, List<Camera> cameras) {

    public Site {
        sensors = List.copyOf(sensors);
        cameras = List.copyOf(cameras);
    }

    /** The same site under another id, e.g. to keep tests apart on a shared broker. */
    public Site withId(String newId) {
        return new Site(newId, name, ward, lat, lon, sensors, cameras);
    }

    public Site withoutCameras() {
        return new Site(id, name, ward, lat, lon, sensors, List.of());
    }

    /** The devices the birth message lists. */
    public List<SiteStatus.Device> devices() {
        List<SiteStatus.Device> out = new ArrayList<>();
        for (Sensor s : sensors) {
            out.add(new SiteStatus.Device(s.id(), SiteStatus.Kind.SENSOR, s.type(), false));
        }
        for (Camera c : cameras) {
            out.add(new SiteStatus.Device(c.id(), SiteStatus.Kind.CAMERA, c.type(), c.isPublic()));
        }
        return out;
    }
}
