package vn.ioc.console.open311;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import vn.ioc.console.report.CategoryEntry;

/** One entry of services.json: a report category. Categories take no extra attributes, so metadata is false. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceView(String serviceCode, String serviceName, String description, boolean metadata, String type,
                   String keywords, String group) {

    static ServiceView of(CategoryEntry e) {
        var c = e.category();
        String keywords = c.urgent() ? c.code() + ", urgent" : c.code();
        return new ServiceView(c.code(), c.nameVi(), c.nameEn(), false, "realtime", keywords, e.agencyName());
    }
}
