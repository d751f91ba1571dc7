package org.coopledger.reporting.savings;

/** The kinds of statement line, and which way each moves the balance. */
enum MovementType {
    DEPOSIT("CREDIT"),
    WITHDRAWAL("DEBIT"),
    TRANSFER_IN("CREDIT"),
    TRANSFER_OUT("DEBIT"),
    LOAN_PROCEEDS("CREDIT"),
    GUARANTEE_CALL("DEBIT");

    private final String direction;

    MovementType(String direction) {
        this.direction = direction;
    }

    /** CREDIT raises the balance, DEBIT lowers it (the member's view of the account). */
    String direction() {
        return direction;
    }
}
