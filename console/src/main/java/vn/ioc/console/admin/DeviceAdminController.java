package vn.ioc.console.admin;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;
import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;

/**
 * Administrators' view of the sites and devices with their health, and what they may change:
 * a site's name and place, retiring a device (it leaves the map), and hiding a camera from the
 * public pages. Showing a camera publicly is the edge's decision, never the console's: only a
 * camera its edge marks public has frames privacy-filtered on the public topic.
 */
@RestController
@RequestMapping("/api/admin")
class DeviceAdminController {

    static final int MAX_NAME = 200;

    /** @param name empty to use the birth message's again; lat and lon both or neither (then the birth message's place) */
    record SiteRequest(String name, Double lat, Double lon) {
    }

    private final DeviceAdmin devices;
    private final WardMap wards;
    private final AuditLog audit;
    private final Clock clock;

    DeviceAdminController(DeviceAdmin devices, WardMap wards, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.wards = wards;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/devices")
    List<DeviceAdmin.Row> devices() {
        return devices.all();
    }

    @PutMapping("/sites/{site}")
    List<DeviceAdmin.Row> placeSite(Authentication admin, @PathVariable String site, @RequestBody SiteRequest request) {
        if (!devices.siteExists(site)) {
            throw new NotFoundException("no site '" + site + "'");
        }
        String name = UserAdminController.blankToNull(request.name());
        if (name != null && name.length() > MAX_NAME) {
            throw new BadRequestException("name must be at most " + MAX_NAME + " characters but was " + name.length());
        }
        if ((request.lat() == null) != (request.lon() == null)) {
            throw new BadRequestException("give both lat and lon, or neither");
        }
        String ward = null;
        if (request.lat() != null) {
            ward = wards.locate(request.lat(), request.lon()).map(Ward::name).orElseThrow(() -> new BadRequestException(
                    "the point " + request.lat() + ", " + request.lon() + " is outside Thừa Thiên Huế"));
        }
        devices.placeSite(site, name, request.lat(), request.lon(), ward);
        audit.record(admin.getName(), "site.change", site, "name " + (name == null ? "from its edge" : "'" + name + "'") + ", place "
                + (request.lat() == null ? "from its edge" : request.lat() + ", " + request.lon() + " (" + ward + ")"));
        return devices.all().stream().filter(d -> d.site().equals(site)).toList();
    }

    @PostMapping("/devices/{site}/{device}/retire")
    DeviceAdmin.Row retire(Authentication admin, @PathVariable String site, @PathVariable String device) {
        DeviceAdmin.Row row = existing(site, device);
        if (row.retiredAt() != null) {
            throw new ConflictException("device '" + site + "/" + device + "' is retired already");
        }
        devices.retire(site, device, clock.instant());
        audit.record(admin.getName(), "device.retire", site + "/" + device, null);
        return existing(site, device);
    }

    @PostMapping("/devices/{site}/{device}/restore")
    DeviceAdmin.Row restore(Authentication admin, @PathVariable String site, @PathVariable String device) {
        DeviceAdmin.Row row = existing(site, device);
        if (row.retiredAt() == null) {
            throw new ConflictException("device '" + site + "/" + device + "' is not retired");
        }
        devices.retire(site, device, null);
        audit.record(admin.getName(), "device.restore", site + "/" + device, null);
        return existing(site, device);
    }

    @PostMapping("/devices/{site}/{device}/hide")
    DeviceAdmin.Row hide(Authentication admin, @PathVariable String site, @PathVariable String device) {
        DeviceAdmin.Row row = camera(site, device);
        if (row.hidden()) {
            throw new ConflictException("camera '" + site + "/" + device + "' is hidden already");
        }
        devices.hide(site, device, true);
        audit.record(admin.getName(), "camera.hide", site + "/" + device, null);
        return existing(site, device);
    }

    /** Undoes hiding; only for a camera its edge marks public. */
    @PostMapping("/devices/{site}/{device}/unhide")
    DeviceAdmin.Row unhide(Authentication admin, @PathVariable String site, @PathVariable String device) {
        DeviceAdmin.Row row = camera(site, device);
        if (!row.hidden()) {
            throw new ConflictException("camera '" + site + "/" + device + "' is not hidden");
        }
        if (!row.edgePublic()) {
            throw new ConflictException("camera '" + site + "/" + device + "' is not marked public by its edge, so its frames are not"
                    + " privacy-filtered on the public topic; it can only be shown publicly from the edge's configuration");
        }
        devices.hide(site, device, false);
        audit.record(admin.getName(), "camera.unhide", site + "/" + device, null);
        return existing(site, device);
    }

    private DeviceAdmin.Row camera(String site, String device) {
        DeviceAdmin.Row row = existing(site, device);
        if (!"camera".equals(row.kind())) {
            throw new BadRequestException("'" + site + "/" + device + "' is a " + row.kind() + ", not a camera");
        }
        return row;
    }

    private DeviceAdmin.Row existing(String site, String device) {
        return devices.find(site, device).orElseThrow(() -> new NotFoundException("no device '" + device + "' at site '" + site + "'"));
    }
}
