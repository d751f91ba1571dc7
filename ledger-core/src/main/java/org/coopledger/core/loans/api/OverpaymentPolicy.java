package org.coopledger.core.loans.api;

/** What happens to the part of a repayment beyond what is due on its date. */
public enum OverpaymentPolicy {
    /** The repayment is refused as a whole; the teller takes only what is due. */
    REFUSE,
    /** Kept on the loan as an advance and applied to installments as they fall due. */
    HOLD_AS_ADVANCE
}
