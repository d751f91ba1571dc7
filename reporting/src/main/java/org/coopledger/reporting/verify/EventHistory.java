package org.coopledger.reporting.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.core.axon.LedgerObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams the event store straight from its table, with a server-side cursor (constant memory
 * however long the history), and reads payloads with the stored-format mapper. It uses neither
 * Axon nor the projections: a verifier must not trust what it verifies.
 */
final class EventHistory {

    private static final int FETCH_SIZE = 1_000;
    private static final String COLUMNS =
            "global_index, aggregate_identifier, sequence_number, payload_type, payload, time_stamp";

    private final DataSource dataSource;
    private final ObjectMapper mapper = LedgerObjectMapper.create();
    private final Map<String, Class<?>> types = new HashMap<>();

    EventHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Feeds every event up to {@code lastGlobalIndex} inclusive, in global order; returns how many rows were read. */
    long forEach(long lastGlobalIndex, Consumer<StoredEvent> consumer) {
        return forEach(lastGlobalIndex, type -> true, consumer);
    }

    /**
     * As {@link #forEach(long, Consumer)}, but only events whose class {@code wanted} accepts are
     * read back and fed; the others are counted and skipped unparsed. Events of a type this build
     * does not know are always fed (as {@link UnknownEventType}): an auditor must hear of them.
     */
    long forEach(long lastGlobalIndex, Predicate<Class<?>> wanted, Consumer<StoredEvent> consumer) {
        return stream("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index",
                wanted, consumer, lastGlobalIndex);
    }

    /**
     * The events of one aggregate up to {@code lastGlobalIndex}, in its own order: an indexed
     * read of that aggregate's rows only, never a scan of the whole store.
     */
    long forAggregate(String aggregateId, long lastGlobalIndex, Consumer<StoredEvent> consumer) {
        return stream("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND global_index <= ? ORDER BY sequence_number", type -> true, consumer, aggregateId, lastGlobalIndex);
    }

    private long stream(String sql, Predicate<Class<?>> wanted, Consumer<StoredEvent> consumer, Object... args) {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL only streams with a cursor inside a transaction.
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        count++;
                        String type = rows.getString(4);
                        Class<?> eventClass = types.computeIfAbsent(type, EventHistory::load);
                        if (eventClass != UnknownEventType.class && !wanted.test(eventClass)) {
                            continue;
                        }
                        consumer.accept(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3), type,
                                read(eventClass, type, rows.getBytes(5)), instant(rows.getString(6))));
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
        return count;
    }

    /** The newest global index now; a verification stops there so that a live ledger can be checked. */
    long head() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
    }

    /**
     * Aggregates with events the replay did not see: after {@code globalIndex}, or at one of the
     * {@code skipped} indexes before it (a transaction that committed after the replay read past
     * its index). On a live ledger their projections may rightly differ from the replay.
     */
    Set<String> aggregatesChangedAfter(long globalIndex, Collection<Long> skipped) {
        Set<String> ids = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                             + "WHERE global_index > ? OR global_index = ANY (?)")) {
            statement.setLong(1, globalIndex);
            statement.setArray(2, connection.createArrayOf("bigint", skipped.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
        return ids;
    }

    private Object read(Class<?> eventClass, String type, byte[] payload) {
        if (eventClass == UnknownEventType.class) {
            return new UnknownEventType();
        }
        try {
            return mapper.readValue(payload, eventClass);
        } catch (IOException | RuntimeException e) {
            // A payload that no longer parses, or whose journal entry no longer balances
            // (JournalEntry refuses to exist unbalanced), is a finding, not a crash.
            return new UnreadableEvent(type, e.getMessage());
        }
    }

    /** Axon writes the time stamp as an ISO-8601 instant; anything else reads as unknown (null). */
    private static Instant instant(String timeStamp) {
        try {
            return timeStamp == null ? null : Instant.parse(timeStamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Class<?> load(String type) {
        try {
            // Not initialised: the name comes from a table, and naming a class must run none of its code.
            return Class.forName(type, false, EventHistory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return UnknownEventType.class;
        }
    }

    /** Placeholder payload for an event class this build does not know. */
    record UnknownEventType() {
    }

    /** Placeholder payload for an event that could not be read back. */
    record UnreadableEvent(String type, String reason) {
    }
}
