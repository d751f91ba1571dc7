package org.coopledger.core.savings.api;

import org.coopledger.core.members.api.MemberId;

import java.time.LocalDate;

public record SavingsAccountClosed(AccountId accountId, MemberId memberId, LocalDate closedOn) {
}
