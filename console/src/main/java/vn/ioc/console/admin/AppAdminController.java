package vn.ioc.console.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.open311.RegisteredApps;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;

/** Administrators register citizens' Open311 apps (the api_key is in the answer only) and revoke them. */
@RestController
@RequestMapping("/api/admin/apps")
class AppAdminController {

    static final int MAX_NAME = 100;

    record NewApp(String name) {
    }

    private final RegisteredApps apps;
    private final AuditLog audit;

    AppAdminController(RegisteredApps apps, AuditLog audit) {
        this.apps = apps;
        this.audit = audit;
    }

    @GetMapping
    List<RegisteredApps.App> list() {
        return apps.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredApps.Registered register(Authentication admin, @RequestBody NewApp request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new BadRequestException("name is required, at most " + MAX_NAME + " characters, but was "
                    + (name.isEmpty() ? "empty" : name.length() + " characters"));
        }
        RegisteredApps.Registered registered = apps.register(name, admin.getName());
        audit.record(admin.getName(), "app.register", "app " + registered.app().id(), name);
        return registered;
    }

    @PostMapping("/{id}/revoke")
    RegisteredApps.App revoke(Authentication admin, @PathVariable long id) {
        RegisteredApps.App app = apps.find(id).orElseThrow(() -> new NotFoundException("no app " + id));
        if (!apps.revoke(id)) {
            throw new ConflictException("app " + id + " is revoked already");
        }
        audit.record(admin.getName(), "app.revoke", "app " + id, app.name());
        return apps.find(id).orElseThrow();
    }
}
