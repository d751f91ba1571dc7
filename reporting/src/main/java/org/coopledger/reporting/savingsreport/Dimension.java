package org.coopledger.reporting.savingsreport;

/**
 * What the savings report can be broken down by, besides the currency, which is always a key:
 * amounts in different currencies are never added up.
 */
public enum Dimension {
    /** The savings product of the account (none for an account opened with a currency only). */
    PRODUCT,
    /** The member's branch. */
    BRANCH,
    /** The member's segment (MIGRANT_WORKER, REFUGEE...). */
    SEGMENT
}
