package vn.ioc.console.open311;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer to a posted request: its tracking code. There are no citizen accounts, so account_id is null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Receipt(String serviceRequestId, String serviceNotice, String accountId) {
}
