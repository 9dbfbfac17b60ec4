package vn.ioc.console.report;

import java.time.Instant;

import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;

/** Sends a report to its category's agency, in the ward its point falls in, with the category's deadline. */
public final class ReportRouter {

    private final Catalog catalog;
    private final WardMap wards;
    private final WorkingCalendar calendar;

    public ReportRouter(Catalog catalog, WardMap wards, WorkingCalendar calendar) {
        this.catalog = catalog;
        this.wards = wards;
        this.calendar = calendar;
    }

    public Routing route(ReportCategory category, double lat, double lon, Instant filedAt) {
        String ward = wards.locate(lat, lon).map(Ward::name).orElse(null);
        ServiceLevel sla = category.sla();
        Instant deadline = sla.hours() != null ? filedAt.plus(sla.hours()) : calendar.plusWorkingDays(filedAt, sla.workingDays());
        String agency = catalog.agency(category.agency()).map(Agency::code).orElse(category.agency());
        return new Routing(agency, ward, deadline);
    }

    public boolean withinProvince(double lat, double lon) {
        return wards.locate(lat, lon).isPresent();
    }
}
