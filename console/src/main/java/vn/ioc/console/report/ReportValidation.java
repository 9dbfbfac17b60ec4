package vn.ioc.console.report;

import java.util.regex.Pattern;

import vn.ioc.ingest.contract.ReportCodec;

/** The checks a report passes before it is routed; each failure names the Open311 field. */
final class ReportValidation {

    /**
     * The wire contract's limit, so that every stored report can also be published: the stream
     * job rejects longer descriptions.
     */
    static final int MAX_DESCRIPTION_CHARS = ReportCodec.MAX_DESCRIPTION_CHARS;
    static final int MAX_FIELD_CHARS = 200;
    static final int MAX_URL_CHARS = 2000;
    // deliberately loose: one @, no spaces, a dot in the domain; the mail server has the last word
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,20}");

    private ReportValidation() {
    }

    static ReportService.Point check(NewReport r, CategoryEntry category) {
        if (!category.active()) {
            throw new InvalidReportException("service_code '" + category.category().code() + "' no longer takes requests");
        }
        double lat = coordinate(r.lat(), "lat", 90);
        double lon = coordinate(r.lon(), "long", 180);
        boolean media = r.mediaUrl() != null && !r.mediaUrl().isBlank();
        if ((r.description() == null || r.description().isBlank()) && !media) {
            throw new InvalidReportException("description is required when there is no media_url");
        }
        if (r.description() != null) {
            int chars = r.description().codePointCount(0, r.description().length());
            if (chars > MAX_DESCRIPTION_CHARS) {
                throw new InvalidReportException("description must be at most " + MAX_DESCRIPTION_CHARS + " characters but has " + chars);
            }
            text(r.description(), "description");
        }
        if (media && (r.mediaUrl().length() > MAX_URL_CHARS || !r.mediaUrl().matches("(?i)https?://\\S+"))) {
            throw new InvalidReportException("media_url must be an http or https URL");
        }
        if (r.email() != null && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
            throw new InvalidReportException("email '" + r.email() + "' is not an e-mail address");
        }
        if (r.phone() != null && !PHONE.matcher(r.phone()).matches()) {
            throw new InvalidReportException("phone must be a telephone number");
        }
        bounded(r.contactName(), "first_name and last_name");
        bounded(r.address(), "address_string");
        return new ReportService.Point(lat, lon);
    }

    private static double coordinate(String value, String field, double limit) {
        if (value == null || value.isBlank()) {
            throw new InvalidReportException(field + " is required");
        }
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidReportException(field + " must be a number but was '" + value + "'");
        }
        if (!(v >= -limit && v <= limit)) {
            throw new InvalidReportException(field + " must be between -" + (int) limit + " and " + (int) limit + " but was " + value);
        }
        return v;
    }

    private static void bounded(String value, String field) {
        if (value != null) {
            if (value.length() > MAX_FIELD_CHARS) {
                throw new InvalidReportException(field + " must be at most " + MAX_FIELD_CHARS + " characters");
            }
            text(value, field);
        }
    }

    /** Control characters other than line breaks and tabs are refused here, as the wire contract refuses them. */
    private static void text(String value, String field) {
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidReportException(field + " must not contain control characters");
        }
    }
}
