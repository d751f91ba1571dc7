package org.coopledger.reporting.shares;

import org.coopledger.reporting.ReportingDatabase;

/** Lets tests of other reporting packages feed the package-private share movement projection. */
public final class ShareProjectionAccess {

    private ShareProjectionAccess() {
    }

    public static Object projection(ReportingDatabase db) {
        return new ShareMovementProjection(db.jdbc(), db.transactions());
    }
}
