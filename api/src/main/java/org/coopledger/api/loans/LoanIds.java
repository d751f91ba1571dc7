package org.coopledger.api.loans;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.loans.api.LoanId;

/** Turns a loan id from a path into a {@link LoanId}, refusing overlong or blank ones as a client error. */
final class LoanIds {

    private LoanIds() {
    }

    static LoanId parse(String value) {
        if (value == null || value.isBlank() || value.length() > LoanId.MAX_LENGTH) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    "loanId must have 1 to " + LoanId.MAX_LENGTH + " characters");
        }
        return new LoanId(value);
    }
}
