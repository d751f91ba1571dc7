package org.coopledger.api.savings;

import java.util.List;

/** A page of a statement; {@code next} is the {@code after} cursor of the following page, absent on the last. */
public record StatementResponse(String accountId, List<StatementLineResponse> lines, String next) {
}
