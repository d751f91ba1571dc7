package org.coopledger.reporting.savings;

import org.coopledger.reporting.ReportingDatabase;

/** Lets tests of other reporting packages feed the package-private savings projection. */
public final class SavingsProjectionAccess {

    private SavingsProjectionAccess() {
    }

    public static Object projection(ReportingDatabase db) {
        return new SavingsAccountProjection(db.jdbc(), db.transactions());
    }
}
