package org.coopledger.api.me;

import org.coopledger.api.loans.LoanResponse;
import org.coopledger.api.members.MemberResponse;
import org.coopledger.api.savings.AccountResponse;

import java.util.List;

/** What a member sees of themselves: their record, savings accounts and loans (days past due as of today). */
public record MeResponse(MemberResponse member, List<AccountResponse> accounts, List<LoanResponse> loans) {

    @Override
    public String toString() {
        return "MeResponse[redacted]";
    }
}
