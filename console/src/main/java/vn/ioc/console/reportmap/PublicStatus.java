package vn.ioc.console.reportmap;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a report stands, as the public map tells it, derived from the stored report (which only
 * knows open and closed): received while the agency has not answered; answered once it has, but
 * not closed it; in progress again after the citizen reopened it; closed.
 */
enum PublicStatus {
    RECEIVED("received"), IN_PROGRESS("in_progress"), ANSWERED("answered"), CLOSED("closed");

    /** The same rule in SQL, over the report table aliased {@code r}, so that filters run in the database. */
    static final String SQL = """
            CASE WHEN r.status = 'closed' THEN 'closed'
                 WHEN r.reopened_at IS NOT NULL THEN 'in_progress'
                 WHEN r.status_notes IS NOT NULL THEN 'answered'
                 ELSE 'received' END""";

    private final String code;

    PublicStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<PublicStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(PublicStatus::code).toList());
    }
}
