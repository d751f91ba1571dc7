package org.coopledger.api.loans;

import org.coopledger.api.security.Access;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.loans.LoanView;
import org.springframework.stereotype.Component;

/**
 * Finds a loan the caller may see. Another member's loan answers exactly like an unknown one (404
 * LOAN_NOT_FOUND), so loan ids cannot be probed. A loan never changes borrower, so the lag of the
 * projection can only cause a false "not found", never a wrong "yours".
 */
@Component
class LoanReader {

    private final LoanQueries queries;
    private final Access access;

    LoanReader(LoanQueries queries, Access access) {
        this.queries = queries;
        this.access = access;
    }

    LoanView readable(LoanId loanId) {
        LoanView view = queries.loan(loanId)
                .orElseThrow(() -> new LedgerException(ErrorCode.LOAN_NOT_FOUND, "no such loan"));
        access.checkCanRead(view.memberId(), ErrorCode.LOAN_NOT_FOUND);
        return view;
    }
}
