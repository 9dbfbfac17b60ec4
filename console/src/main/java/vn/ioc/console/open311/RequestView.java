package vn.ioc.console.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.ioc.console.report.Agency;
import vn.ioc.console.report.FiledReport;

/**
 * A report as the public sees it: never the citizen's name, e-mail or phone. The description is
 * the citizen's text as given; JSON escapes it and whoever shows it must escape it too.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RequestView(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
                   String description, String agencyResponsible, String serviceNotice, String requestedDatetime,
                   String updatedDatetime, String expectedDatetime, String address, double lat,
                   @JsonProperty("long") double lon, String mediaUrl) {

    static RequestView of(FiledReport r) {
        return new RequestView(r.id(), r.status(), r.statusNotes(), r.category().nameVi(), r.category().code(), r.description(),
                agencyResponsible(r), notice(r), Open311Time.format(r.requestedAt()), Open311Time.format(r.updatedAt()),
                Open311Time.format(r.deadline()), r.address(), r.lat(), r.lon(), absolute(r.mediaUrl()));
    }

    /** Our own photos are stored by path; Open311 clients get a full URL. */
    static String absolute(String mediaUrl) {
        return mediaUrl != null && mediaUrl.startsWith("/")
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(mediaUrl).toUriString()
                : mediaUrl;
    }

    /** A ward-scoped agency is the People's Committee of the report's ward. */
    static String agencyResponsible(FiledReport r) {
        return r.agencyScope() == Agency.Scope.WARD && r.ward() != null ? "Ủy ban nhân dân " + r.ward() : r.agencyName();
    }

    static String notice(FiledReport r) {
        String expected = "an answer is expected by " + Open311Time.format(r.deadline());
        if (r.duplicateOf() != null) {
            // a private category's codes are their citizens' keys to their reports: never hand one to another citizen
            String original = r.category().isPublic() ? " as " + r.duplicateOf() : " nearby";
            return "Already reported" + original + "; this request is linked to it and " + expected;
        }
        return "Sent to " + agencyResponsible(r) + "; " + expected;
    }
}
