package org.coopledger.core.loans.api;

public enum DisbursementChannel {
    /** Paid out in cash at a till. */
    CASH,
    /** Credited to one of the borrower's savings accounts. */
    SAVINGS
}
