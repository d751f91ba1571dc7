package org.coopledger.core.loans.api;

/** How principal is spread over the installments of a declining-balance loan. */
public enum Amortization {
    /** Annuity: every installment (principal plus interest) is the same, but for the last. */
    EQUAL_INSTALLMENTS,
    /** The same principal every installment; interest falls as the balance falls. */
    EQUAL_PRINCIPAL
}
