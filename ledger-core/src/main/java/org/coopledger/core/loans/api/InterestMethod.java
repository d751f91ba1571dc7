package org.coopledger.core.loans.api;

public enum InterestMethod {
    /** Each period's interest is the outstanding principal times the period rate. */
    DECLINING_BALANCE,
    /** Interest on the original principal for the whole term, spread evenly; amortization is then always equal principal. */
    FLAT
}
