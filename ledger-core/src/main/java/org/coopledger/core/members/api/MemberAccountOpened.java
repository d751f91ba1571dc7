package org.coopledger.core.members.api;

import org.coopledger.core.savings.api.AccountId;

/** Recorded on the member in the same transaction as the account's own opening event. */
public record MemberAccountOpened(MemberId memberId, AccountId accountId) {
}
