package vn.ioc.console.agency;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.Agency;
import vn.ioc.console.report.Catalog;

/** The agencies an operator may hand an incident to (under /api/, so for operators' roles). */
@RestController
class AgencyListController {

    private final Catalog catalog;

    AgencyListController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/agencies")
    List<Agency> agencies() {
        return catalog.agencies();
    }
}
