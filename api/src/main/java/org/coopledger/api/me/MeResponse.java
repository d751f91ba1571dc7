package org.coopledger.api.me;

import org.coopledger.api.members.MemberResponse;
import org.coopledger.api.savings.AccountResponse;

import java.util.List;

/**
 * What a member sees of themselves. {@code loans} is part of the contract (API.md) and stays
 * empty until the ledger keeps loans.
 */
public record MeResponse(MemberResponse member, List<AccountResponse> accounts, List<Object> loans) {

    @Override
    public String toString() {
        return "MeResponse[redacted]";
    }
}
