package org.coopledger.ops.bench;

import java.util.Locale;

/**
 * What one benchmark operation does; postings move money, the others only read projections.
 * {@link #HTTP_FLOOR} is the same-run floor of the HTTP stack: an authenticated request that
 * passes Tomcat, the security filter chain and Spring MVC and does nothing else (the health
 * check, one connection check), so a posting's cost can be read against what any request costs.
 */
public enum OperationKind {
    DEPOSIT(true),
    WITHDRAWAL(true),
    TRANSFER(true),
    BALANCE(false),
    STATEMENT(false),
    HTTP_FLOOR(false);

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
