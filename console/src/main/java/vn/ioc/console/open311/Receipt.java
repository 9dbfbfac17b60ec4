package vn.ioc.console.open311;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to a posted request: its tracking code and, in the spec's {@code token} field, the
 * report's follow-up key, which rating and reopening it need and which is given nowhere else.
 * There are no citizen accounts, so account_id is null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Receipt(String serviceRequestId, String token, String serviceNotice, String accountId) {

    /** Keeps the follow-up key out of logs. */
    @Override
    public String toString() {
        return "Receipt[" + serviceRequestId + "]";
    }
}
