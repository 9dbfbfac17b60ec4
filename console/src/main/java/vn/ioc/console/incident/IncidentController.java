package vn.ioc.console.incident;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.NotFoundException;

@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final IncidentRepository incidents;

    IncidentController(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    List<IncidentView> list() {
        return incidents.activeOrRecent().stream().map(IncidentView::of).toList();
    }

    @GetMapping("/{id}")
    IncidentDetail show(@PathVariable String id) {
        var incident = incidents.find(id).orElseThrow(() -> new NotFoundException("no incident with id '" + id + "'"));
        var events = incidents.events(id).stream().map(IncidentDetail.Event::of).toList();
        return new IncidentDetail(IncidentView.of(incident), events);
    }
}
