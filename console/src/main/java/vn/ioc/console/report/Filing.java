package vn.ioc.console.report;

/**
 * A report just filed, with its follow-up key: the only moment the key exists in clear, to be
 * given to the citizen and nowhere else.
 */
public record Filing(FiledReport report, String followUpKey) {

    /** Keeps the key out of logs and error messages. */
    @Override
    public String toString() {
        return "Filing[" + report.id() + "]";
    }
}
