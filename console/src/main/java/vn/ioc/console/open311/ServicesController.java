package vn.ioc.console.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.ReportService;

/** Open311 service discovery: the report categories that take requests. */
@RestController
@RequestMapping("/open311/v2")
class ServicesController {

    private final ReportService reports;

    ServicesController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ServiceView> services() {
        return reports.activeCategories().stream().map(ServiceView::of).toList();
    }

    @GetMapping(value = "/services.xml", produces = MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8")
    String servicesXml() {
        return ServicesXml.write(services());
    }

    @GetMapping(value = "/services/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ServiceDefinition definition(@PathVariable String code) {
        return reports.activeCategory(code).map(c -> new ServiceDefinition(c.category().code(), List.of()))
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "no service with service_code '" + code + "'"));
    }
}
