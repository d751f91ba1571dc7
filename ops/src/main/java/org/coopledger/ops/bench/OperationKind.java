package org.coopledger.ops.bench;

import java.util.Locale;

/** What one benchmark operation does; postings move money, the others only read projections. */
public enum OperationKind {
    DEPOSIT(true),
    WITHDRAWAL(true),
    TRANSFER(true),
    BALANCE(false),
    STATEMENT(false);

    private final boolean posting;

    OperationKind(boolean posting) {
        this.posting = posting;
    }

    public boolean posting() {
        return posting;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
