package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An edge site's status ({@code ioc/v1/{site}/status}, retained). The agent publishes a
 * birth message with where it is and what it carries each time it connects, and leaves
 * a will ({@code online:false}, no time: the broker sends it later) that the broker
 * publishes when the connection dies. An orderly shutdown publishes {@code online:false}
 * with a time and a reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"site"})
public record SiteStatus(
        String agent, String site, boolean online, Instant time, String reason,
        String name, Double lat, Double lon, List<Device> devices) {

    public SiteStatus {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public static SiteStatus birth(String agent, String site, Instant time, String name, double lat, double lon, List<Device> devices) {
        return new SiteStatus(agent, site, true, time, null, name, lat, lon, devices);
    }

    public static SiteStatus will(String agent, String site) {
        return new SiteStatus(agent, site, false, null, "connection lost", null, null, null, List.of());
    }

    public static SiteStatus shutdown(String agent, String site, Instant time) {
        return new SiteStatus(agent, site, false, time, "shutdown", null, null, null, List.of());
    }

    public enum Kind { SENSOR, CAMERA }

    /**
     * A sensor or camera on the site.
     *
     * @param type     the device type; detector rules are configured per type
     * @param isPublic for cameras: its frames are shared with citizens
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String id, Kind kind, String type, @JsonProperty("public") boolean isPublic) {
    }
}
