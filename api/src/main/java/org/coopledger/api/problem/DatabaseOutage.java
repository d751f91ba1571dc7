package org.coopledger.api.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being unreachable, wherever in a cause chain it
 * sits (Hikari's connection timeout, a refused or broken connection, a server shutting down),
 * whether it surfaced through Spring JDBC, a transaction, Axon's event store or Spring
 * Security's user lookup. Such a request is answered 503 DATABASE_UNAVAILABLE: the client may
 * retry it with the same Idempotency-Key, which posts it at most once.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < KnownFailures.MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (isOutage(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof TransactionSystemException tx) {
            // A commit or rollback that failed in the driver: the connection is gone (Hikari's
            // "Connection is closed" carries no SQL state). The failure that made the rollback
            // necessary travels beside the chain, as the application exception.
            return tx.getCause() instanceof SQLException
                    || tx.getApplicationException() != null && isCause(tx.getApplicationException());
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01..57P03: admin or crash shutdown, cannot connect now.
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }
}
