package vn.ioc.console.report;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;

/**
 * Sends a citizen's report to the queue that must answer it: the category's agency, for a
 * ward-scoped agency the ward the report's point falls in, with the deadline of the category's
 * service level. The ward is given for province agencies too, so their queues can filter by it.
 */
public final class ReportRouter {

    private final Function<String, Optional<Agency>> agencies;
    private final WardMap wards;
    private final WorkingCalendar calendar;

    public ReportRouter(Catalog catalog, WardMap wards, WorkingCalendar calendar) {
        this(catalog::agency, wards, calendar);
    }

    /** @param agencies the agency of a code; the console looks them up as stored, with administrators' edits */
    public ReportRouter(Function<String, Optional<Agency>> agencies, WardMap wards, WorkingCalendar calendar) {
        this.agencies = agencies;
        this.wards = wards;
        this.calendar = calendar;
    }

    /**
     * @throws IllegalArgumentException when the category's agency is not in the catalog, or the
     *                                  agency is ward-scoped and the point is in no ward: such a
     *                                  report would have nobody to answer it
     */
    public Routing route(ReportCategory category, double lat, double lon, Instant filedAt) {
        Agency agency = agencies.apply(category.agency()).orElseThrow(() -> new IllegalArgumentException(
                "category " + category.code() + ": expected an agency of the catalog but was " + category.agency()));
        Optional<Ward> ward = wards.locate(lat, lon);
        if (agency.scope() == Agency.Scope.WARD && ward.isEmpty()) {
            throw new IllegalArgumentException("category " + category.code() + " is answered by the ward, but the point ("
                    + lat + ", " + lon + ") is in no ward of the province");
        }
        return new Routing(agency.code(), ward.map(Ward::name).orElse(null), deadline(category.sla(), filedAt));
    }

    /** Whether the point falls in some ward of the map: reports outside the province are refused. */
    public boolean withinProvince(double lat, double lon) {
        return wards.locate(lat, lon).isPresent();
    }

    /** The deadline of the service level for a report filed (or handed over) at that time. */
    public Instant deadline(ServiceLevel sla, Instant filedAt) {
        return sla.hours() != null ? filedAt.plus(sla.hours()) : calendar.addWorkingDays(filedAt, sla.workingDays());
    }
}
