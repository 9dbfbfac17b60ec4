package vn.ioc.console.report;

import vn.ioc.console.system.ForbiddenException;

/** Rating or reopening without the report's follow-up key: a 403 saying what was wrong with the key. */
public class FollowUpKeyException extends ForbiddenException {

    /** What was wrong; the status page names it in the citizen's language. */
    public enum Reason {
        MISSING("the follow-up key is required to rate or reopen a report: it is in the link given when the report was filed (?key=…)"),
        WRONG("the follow-up key does not match this report"),
        NONE("this report was filed before follow-up keys existed and cannot be rated or reopened online");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }

    private final Reason reason;

    public FollowUpKeyException(Reason reason) {
        super(reason.detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
