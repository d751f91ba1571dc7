package org.coopledger.api.savings;

import org.coopledger.api.security.Access;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.savings.AccountBalance;
import org.coopledger.reporting.savings.SavingsAccountView;
import org.coopledger.reporting.savings.SavingsQueries;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Finds an account the caller may see. Another member's account answers exactly like an unknown
 * one (404 ACCOUNT_NOT_FOUND), so account ids cannot be probed. Reading the owner from the
 * projection is safe although it lags: an account never changes owner, so a lag can only cause
 * a false "not found", never a wrong "yours".
 */
@Component
class AccountReader {

    private final SavingsQueries queries;
    private final Access access;

    AccountReader(SavingsQueries queries, Access access) {
        this.queries = queries;
        this.access = access;
    }

    SavingsAccountView readable(AccountId accountId) {
        SavingsAccountView view = queries.account(accountId)
                .orElseThrow(() -> new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        access.checkCanRead(view.memberId(), ErrorCode.ACCOUNT_NOT_FOUND);
        return view;
    }

    /** The balance at the end of {@code date} of an account the caller may see, in one query. */
    AccountBalance readableBalance(AccountId accountId, LocalDate date) {
        AccountBalance balance = queries.balanceAsOf(accountId, date)
                .orElseThrow(() -> new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        access.checkCanRead(balance.owner(), ErrorCode.ACCOUNT_NOT_FOUND);
        return balance;
    }
}
