package org.coopledger.core.members.api;

import org.coopledger.core.savings.api.AccountId;

public record MemberAccountClosed(MemberId memberId, AccountId accountId) {
}
