package org.coopledger.core.error;

/**
 * Stable, machine-readable error codes. Clients branch on these, so a code is never renamed;
 * the {@link Kind} tells the API layer which HTTP status family answers it.
 */
public enum ErrorCode {
    INVALID_AMOUNT(Kind.INVALID),
    INVALID_AMOUNT_SCALE(Kind.INVALID),
    UNKNOWN_CURRENCY(Kind.INVALID),
    AMOUNT_TOO_LARGE(Kind.INVALID),
    VALIDATION_FAILED(Kind.INVALID),

    MEMBER_NOT_FOUND(Kind.NOT_FOUND),
    ACCOUNT_NOT_FOUND(Kind.NOT_FOUND),
    PRODUCT_NOT_FOUND(Kind.NOT_FOUND),
    HOLD_NOT_FOUND(Kind.NOT_FOUND),

    MEMBER_NUMBER_TAKEN(Kind.CONFLICT),
    PRODUCT_ALREADY_EXISTS(Kind.CONFLICT),
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    /** A projection rebuild is already running; one at a time. */
    REBUILD_IN_PROGRESS(Kind.CONFLICT),
    /** A processing group has parked events; a replay would park them again behind themselves. */
    DEAD_LETTERS_PENDING(Kind.CONFLICT),

    CURRENCY_MISMATCH(Kind.REJECTED),
    INSUFFICIENT_FUNDS(Kind.REJECTED),
    ACCOUNT_NOT_ACTIVE(Kind.REJECTED),
    ACCOUNT_BALANCE_NOT_ZERO(Kind.REJECTED),
    ACCOUNT_HAS_HOLDS(Kind.REJECTED),
    MEMBER_NOT_ACTIVE(Kind.REJECTED),
    MEMBER_HAS_OPEN_ACCOUNTS(Kind.REJECTED),
    MEMBER_HOLDS_SHARES(Kind.REJECTED),
    INSUFFICIENT_SHARES(Kind.REJECTED),
    SAME_ACCOUNT_TRANSFER(Kind.REJECTED),
    DUPLICATE_HOLD(Kind.REJECTED),

    LOAN_NOT_FOUND(Kind.NOT_FOUND),
    GUARANTEE_NOT_FOUND(Kind.NOT_FOUND),
    LOAN_WRONG_STATE(Kind.REJECTED),
    MAKER_CHECKER_VIOLATION(Kind.REJECTED),
    PRINCIPAL_OUT_OF_RANGE(Kind.REJECTED),
    INSTALLMENTS_OUT_OF_RANGE(Kind.REJECTED),
    INSUFFICIENT_GUARANTEE(Kind.REJECTED),
    INSUFFICIENT_COMPULSORY_SAVINGS(Kind.REJECTED),
    OVERPAYMENT_REFUSED(Kind.REJECTED),
    LOAN_NOT_OVERDUE(Kind.REJECTED),
    GUARANTEE_ALREADY_CALLED(Kind.REJECTED),
    NOTHING_PLEDGED(Kind.REJECTED);

    /** What sort of failure a code is, independent of any transport. */
    public enum Kind {
        /** The request itself is malformed or out of range. */
        INVALID,
        /** The thing asked for does not exist (or is not the caller's to see). */
        NOT_FOUND,
        /** The request collides with another one or with existing state. */
        CONFLICT,
        /** Well-formed, but a business rule refuses it. */
        REJECTED
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
