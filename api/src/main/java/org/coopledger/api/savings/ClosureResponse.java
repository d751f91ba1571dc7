package org.coopledger.api.savings;

import java.time.LocalDate;

public record ClosureResponse(String accountId, String status, LocalDate closedOn) {
}
