package vn.ioc.console.admin;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.BadRequestException;

@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    List<AuditLog.Entry> recent(@RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be 1 to 1000 but was " + limit);
        }
        return audit.recent(limit);
    }
}
