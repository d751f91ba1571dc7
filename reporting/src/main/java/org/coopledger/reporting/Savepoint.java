package org.coopledger.reporting;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;

/**
 * Runs the SQL of one event inside a savepoint of the processor's transaction. PostgreSQL
 * aborts a whole transaction on any failed statement; without the savepoint, the dead-letter
 * queue could not even record the failing event (its own statements would be refused) and the
 * segment would retry the same batch for ever. With it, only that event's changes are undone,
 * the event is parked, and the rest of the batch and the token commit as usual.
 */
public final class Savepoint {

    private final TransactionTemplate nested;

    public Savepoint(PlatformTransactionManager transactionManager) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work}; a database failure comes out as a {@link ProjectionWriteException}. */
    public void run(Runnable work) {
        try {
            nested.executeWithoutResult(status -> work.run());
        } catch (DataAccessException e) {
            throw new ProjectionWriteException(describe(e));
        }
    }

    /** SQL state and object names only: never the values, which may be personal data. */
    private static String describe(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return "projection update refused by the database: SQLSTATE " + server.getSQLState()
                    + " table=" + server.getTable() + " column=" + server.getColumn()
                    + " constraint=" + server.getConstraint();
        }
        String sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return "projection update failed: " + e.getClass().getSimpleName() + " SQLSTATE " + sqlState;
    }
}
