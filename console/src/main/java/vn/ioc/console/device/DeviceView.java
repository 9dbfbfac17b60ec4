package vn.ioc.console.device;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import vn.ioc.ingest.store.SiteStore;

/**
 * A sensor or camera as the map shows it, with its site's place and state.
 *
 * @param id   "site/device", unique across sites
 * @param kind "sensor" or "camera"
 */
record DeviceView(
        String id, String site, String siteName, String device, String kind, String type,
        Double lat, Double lon, String ward, boolean online, String statusReason, Instant lastSeen,
        @JsonProperty("public") boolean isPublic) {

    static DeviceView of(SiteStore.DeviceView d) {
        return new DeviceView(d.site() + "/" + d.id(), d.site(), d.siteName(), d.id(), d.kind().toLowerCase(Locale.ROOT),
                d.type(), d.lat(), d.lon(), d.ward(), d.online(), d.statusReason(), d.lastSeen(), d.isPublic());
    }
}
