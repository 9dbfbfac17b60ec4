package vn.ioc.console.open311;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;

/** Open311 times: ISO 8601 with the offset, shown in Huế's time (+07:00). */
final class Open311Time {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Open311Time() {
    }

    static String format(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(HUE).toOffsetDateTime());
    }

    /**
     * A date-time with an offset, or a plain date (midnight in Huế). A '+' sent unencoded in a
     * query string arrives as a space, so a space is read as '+'.
     */
    static Instant parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace(' ', '+');
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(HUE).toInstant() : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    field + " must be an ISO 8601 date-time with offset, like 2026-11-28T08:30:00+07:00, but was '" + value + "'");
        }
    }
}
