package org.coopledger.core.loans.api;

public enum FeeCharging {
    /** Deducted once from the amount disbursed. */
    AT_DISBURSEMENT,
    /** Added to every installment. */
    PER_INSTALLMENT
}
