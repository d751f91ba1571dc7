package org.coopledger.core.loans.api;

/** The parts an installment owes, in the default allocation order. */
public enum LoanComponent {
    PENALTY,
    FEE,
    INTEREST,
    PRINCIPAL
}
