package org.coopledger.reporting;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the SQL of one event so that an event the database refuses can be dead-lettered.
 * PostgreSQL aborts a whole transaction on any failed statement; the dead-letter queue, whose
 * statements join the processor's transaction, could then not even record the failing event, and
 * the segment would retry the same batch for ever. A savepoint around the event's SQL undoes only
 * that event's changes, so the event is parked and the rest of the batch commits with the token.
 * <p>
 * A savepoint costs two round trips per event (SAVEPOINT, RELEASE), more than most projection
 * statements, and the database almost never refuses an event. So savepoints are taken lazily:
 * an event read by a tracking processor runs its SQL directly; when the database refuses it, the
 * error rolls the whole batch back (the dead-letter queue cannot write in the aborted transaction),
 * this instance remembers the event's global index, and the processor retries the batch, in which
 * every event up to that index runs in its own savepoint — the failing one is then parked and the
 * others applied, exactly as with a savepoint per event. Events without a position (dead-letter
 * retries, direct calls) always get a savepoint. One instance per projection: the processor retries the
 * batch for all projections, but only the one that was refused needs the careful retry.
 * <p>
 * {@link #write} goes one step further for the busiest projections: an event's statements are
 * collected for the whole batch and sent as JDBC batches just before the batch commits, a few
 * round trips per batch instead of one or two per event. A refusal there also rolls the batch back
 * and marks all its events for the careful retry, in which each event's statements run at once in
 * a savepoint.
 */
public final class Savepoint {

    private final TransactionTemplate nested;
    private final JdbcTemplate jdbc;
    /** Events at global indexes up to this one run in savepoints; -1 = none. */
    private final AtomicLong carefulUpTo = new AtomicLong(-1);
    private static final AtomicLong INSTANCES = new AtomicLong();
    /** Names this instance's pending writes among the unit of work's resources. */
    private final String resourceKey = "projection-writes-" + INSTANCES.incrementAndGet();

    public Savepoint(PlatformTransactionManager transactionManager) {
        this(transactionManager, null);
    }

    /** With a {@link JdbcTemplate}, {@link #write} can defer statements to the end of the batch. */
    public Savepoint(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
    }

    /**
     * One SQL statement of an event. At the end of a batch the pending statements run ordered by
     * {@code phase}, and in event order within a phase; statements of one phase with the same SQL
     * go as one JDBC batch. A projection gives its statements phases such that this order has the
     * same effect as running them event by event (e.g. rows inserted before rows updated).
     * With a {@link Merge}, a run of the statement is first rewritten by it.
     *
     * @param types SQL types of the arguments (as {@link java.sql.Types}), so that nulls bind in a batch
     */
    public record Statement(int phase, String sql, Object[] args, int[] types, Merge merge) {

        public Statement(int phase, String sql, Object[] args, int[] types) {
            this(phase, sql, args, types, null);
        }
    }

    /**
     * Rewrites a run of one statement (same phase and SQL, two or more, in event order) into one
     * statement with the same effect. PostgreSQL starts an executor for every statement it runs,
     * and re-reads the table's CHECK constraints each time: for an UPDATE of one row that costs
     * more than the update itself, so a batch that updates many rows is better sent as one
     * set-based statement (docs/PERFORMANCE.md, Replay round 5).
     */
    @FunctionalInterface
    public interface Merge {
        Statement merge(List<Statement> run);
    }

    /**
     * Applies one event's statements: at the end of the batch when the event came from the event
     * stream in a processor's batch and is not under suspicion, otherwise at once in a savepoint.
     */
    public void write(List<Statement> statements) {
        OptionalLong position = currentPosition();
        if (jdbc == null || position.isEmpty() || position.getAsLong() <= carefulUpTo.get()) {
            run(() -> statements.forEach(this::execute));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        PendingWrites pending = batch.getOrComputeResource(resourceKey, key -> {
            PendingWrites created = new PendingWrites();
            batch.onPrepareCommit(u -> flush(created));
            return created;
        });
        pending.lastPosition = Math.max(pending.lastPosition, position.getAsLong());
        statements.forEach(pending.statements::add);
    }

    private static final class PendingWrites {
        final List<Statement> statements = new ArrayList<>();
        long lastPosition = -1;
    }

    private void flush(PendingWrites pending) {
        List<Statement> ordered = new ArrayList<>(pending.statements);
        ordered.sort(Comparator.comparingInt(Statement::phase)); // stable: event order within a phase
        try {
            int from = 0;
            while (from < ordered.size()) {
                int to = from + 1;
                while (to < ordered.size() && ordered.get(to).phase() == ordered.get(from).phase()
                        && ordered.get(to).sql().equals(ordered.get(from).sql())) {
                    to++;
                }
                List<Statement> run = ordered.subList(from, to);
                Merge merge = run.get(0).merge();
                if (run.size() == 1) {
                    execute(run.get(0));
                } else if (merge != null) {
                    execute(merge.merge(run));
                } else {
                    jdbc.batchUpdate(run.get(0).sql(), run.stream().map(Statement::args).toList(), run.get(0).types());
                }
                from = to;
            }
        } catch (DataAccessException e) {
            carefulUpTo.accumulateAndGet(pending.lastPosition, Math::max);
            throw new ProjectionWriteException(describe(e) + "; the batch is retried with a savepoint per event up to "
                    + "global index " + pending.lastPosition);
        }
    }

    private void execute(Statement statement) {
        jdbc.update(statement.sql(), statement.args(), statement.types());
    }

    /** Runs {@code work}; a database failure comes out as a {@link ProjectionWriteException}. */
    public void run(Runnable work) {
        OptionalLong position = currentPosition();
        if (position.isPresent() && position.getAsLong() > carefulUpTo.get()) {
            try {
                work.run();
                return;
            } catch (DataAccessException e) {
                long failed = position.getAsLong();
                carefulUpTo.accumulateAndGet(failed, Math::max);
                throw new ProjectionWriteException(describe(e) + "; the batch is retried with a savepoint per event up to "
                        + "global index " + failed);
            }
        }
        try {
            nested.executeWithoutResult(status -> work.run());
        } catch (DataAccessException e) {
            throw new ProjectionWriteException(describe(e));
        }
    }

    /**
     * The global index of the event a processor is handling in a batch read from the event stream.
     * Only in a processor's batch: a dead letter being retried runs in a unit of work of its own,
     * where a rolled-back commit would not reach the dead-letter queue, so it always gets a savepoint.
     */
    private static OptionalLong currentPosition() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)) {
            return OptionalLong.empty();
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position();
        }
        return OptionalLong.empty();
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
