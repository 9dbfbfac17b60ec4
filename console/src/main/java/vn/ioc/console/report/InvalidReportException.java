package vn.ioc.console.report;

/** A report that cannot be filed as given; the message says which field and why, for the citizen. */
public class InvalidReportException extends RuntimeException {

    public InvalidReportException(String message) {
        super(message);
    }
}
