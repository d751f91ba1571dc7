package org.coopledger.api.savings;

public record AccountOpenedResponse(String accountId) {
}
