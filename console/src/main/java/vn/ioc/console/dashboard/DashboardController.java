package vn.ioc.console.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardController {

    private final DashboardRepository dashboard;

    DashboardController(DashboardRepository dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard() {
        return dashboard.now();
    }
}
