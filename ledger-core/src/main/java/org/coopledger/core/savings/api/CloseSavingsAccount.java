package org.coopledger.core.savings.api;

import java.time.LocalDate;

/** Closes an account whose balance is zero and which has no holds. */
public record CloseSavingsAccount(AccountId accountId, LocalDate closedOn) {
}
