package org.coopledger.reporting.chain;

import org.coopledger.reporting.chain.ChainProblem.Kind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the chain from {@code domain_event_entry} and compares it with {@code event_chain},
 * walking both tables in global order side by side with server-side cursors: constant memory
 * however long the history, plain JDBC, no Axon (a verifier must not trust what it verifies).
 * Both are read in one repeatable-read snapshot, so a live ledger can be verified. Stops at the
 * first problem, which names its global index and kind.
 */
public final class ChainVerifier {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainReport verify() {
        return verify(null);
    }

    /**
     * Verifies and also checks that the link at {@code expected.globalIndex()} is the one an
     * auditor wrote down (from a logged checkpoint or the head endpoint): only such an outside
     * note can catch a chain rebuilt from scratch over altered events. {@code expected} may be null.
     */
    public ChainReport verify(ChainHead expected) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            // Cursors only stream inside a transaction; one snapshot for every statement below.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verify(connection, started, expected);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store or its chain", e);
        }
    }

    private ChainReport verify(Connection connection, long started, ChainHead expected) throws SQLException {
        long headIndex;
        byte[] headLink;
        try (PreparedStatement s = connection.prepareStatement("SELECT global_index, link FROM event_chain_head WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            headIndex = rs.getLong(1);
            headLink = rs.getBytes(2);
        }
        long unlinked = count(connection, "SELECT count(*) FROM domain_event_entry WHERE global_index > ?", headIndex);
        Walk walk = new Walk(expected);
        try (PreparedStatement chainQuery = cursor(connection,
                "SELECT global_index, event_identifier, link FROM event_chain WHERE global_index <= ? ORDER BY global_index", headIndex);
             PreparedStatement eventQuery = cursor(connection,
                     "SELECT " + EventRow.COLUMNS + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index", headIndex);
             ResultSet chain = chainQuery.executeQuery();
             ResultSet events = eventQuery.executeQuery()) {
            walk.run(chain, events);
        }
        if (walk.problem == null && expected != null && !walk.expectedSeen) {
            walk.problem = new ChainProblem(expected.globalIndex(), Kind.CHECKPOINT_MISMATCH,
                    "the chain has no link at the noted index");
        }
        if (walk.problem == null) {
            walk.problem = checkpoints(connection);
        }
        return new ChainReport(walk.problem == null ? ChainReport.Status.CLEAN : ChainReport.Status.DIFFERENCES,
                walk.checked, walk.problem, headIndex, ChainLink.hex(headLink), unlinked,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The merge of the two ordered streams; {@code problem} is the first disagreement. */
    private static final class Walk {
        final ChainHead expected;
        long checked;
        ChainProblem problem;
        boolean expectedSeen;

        Walk(ChainHead expected) {
            this.expected = expected;
        }

        void run(ResultSet chain, ResultSet events) throws SQLException {
            byte[] previous = ChainLink.GENESIS;
            boolean hasLink = chain.next();
            boolean hasEvent = events.next();
            while (hasLink || hasEvent) {
                long linkIndex = hasLink ? chain.getLong(1) : Long.MAX_VALUE;
                long eventIndex = hasEvent ? events.getLong(1) : Long.MAX_VALUE;
                if (linkIndex < eventIndex) {
                    problem = new ChainProblem(linkIndex, Kind.DELETED,
                            "the chain linked event " + chain.getString(2) + " here; the event store has no event at this index");
                    return;
                }
                EventRow row = EventRow.read(events, 1);
                if (eventIndex < linkIndex) {
                    problem = new ChainProblem(eventIndex, Kind.INSERTED_OUT_OF_ORDER, "event " + row.eventIdentifier()
                            + " (" + row.payloadType() + ") stands at an index the chain skipped as a gap");
                    return;
                }
                byte[] stored = chain.getBytes(3);
                if (!row.eventIdentifier().equals(chain.getString(2))) {
                    problem = new ChainProblem(eventIndex, Kind.INSERTED_OUT_OF_ORDER, "event " + row.eventIdentifier()
                            + " stands where the chain linked event " + chain.getString(2) + " (global indexes reordered)");
                    return;
                }
                byte[] recomputed = ChainLink.next(previous, row);
                if (!Arrays.equals(recomputed, stored)) {
                    problem = new ChainProblem(eventIndex, Kind.ALTERED, "event " + row.eventIdentifier() + " ("
                            + row.payloadType() + ") no longer hashes to its link: its stored columns changed");
                    return;
                }
                if (expected != null && expected.globalIndex() == eventIndex) {
                    expectedSeen = true;
                    if (!ChainLink.hex(stored).equalsIgnoreCase(expected.link())) {
                        problem = new ChainProblem(eventIndex, Kind.CHECKPOINT_MISMATCH,
                                "the link here is not the one noted: the chain was rebuilt up to this index");
                        return;
                    }
                }
                previous = stored;
                checked++;
                hasLink = chain.next();
                hasEvent = events.next();
            }
        }
    }

    /** Checkpoints must lie on the (just verified) chain; one that does not shows a rewritten chain. */
    private static ChainProblem checkpoints(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT cp.global_index FROM event_chain_checkpoint cp
                LEFT JOIN event_chain c ON c.global_index = cp.global_index
                WHERE c.link IS DISTINCT FROM cp.link ORDER BY cp.global_index LIMIT 1""");
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return new ChainProblem(rs.getLong(1), Kind.CHECKPOINT_MISMATCH,
                        "the checkpoint stored for this index differs from the chain's link");
            }
            return null;
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql, long headIndex) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        statement.setLong(1, headIndex);
        return statement;
    }

    private static long count(Connection connection, String sql, long after) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
