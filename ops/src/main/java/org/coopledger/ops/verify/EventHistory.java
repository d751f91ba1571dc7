package org.coopledger.ops.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.core.axon.LedgerObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the event store in global order straight from its table, with a server-side cursor
 * (constant memory however long the history), and reads payloads with the stored-format mapper.
 * It uses neither Axon nor the projections: a verifier must not trust what it verifies.
 */
final class EventHistory {

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ObjectMapper mapper = LedgerObjectMapper.create();
    private final Map<String, Class<?>> types = new HashMap<>();

    EventHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Feeds every event up to {@code lastGlobalIndex} inclusive to {@code consumer}; returns how many. */
    long forEach(long lastGlobalIndex, Consumer<StoredEvent> consumer) {
        String sql = """
                SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload
                FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index""";
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL only streams with a cursor inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, lastGlobalIndex);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String type = rows.getString(4);
                        consumer.accept(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3), type,
                                read(type, rows.getBytes(5))));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
        return count;
    }

    /** The newest global index now; verification stops there so that a live ledger can be checked. */
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

    /** Aggregates with events after {@code globalIndex}: on a live ledger their projections moved on. */
    java.util.Set<String> aggregatesChangedAfter(long globalIndex) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE global_index > ?")) {
            statement.setLong(1, globalIndex);
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

    private Object read(String type, byte[] payload) {
        Class<?> eventClass = types.computeIfAbsent(type, EventHistory::load);
        try {
            return mapper.readValue(payload, eventClass);
        } catch (IOException | RuntimeException e) {
            // A payload that no longer parses, or whose journal entry no longer balances
            // (JournalEntry refuses to exist unbalanced), is a finding, not a crash.
            return new UnreadableEvent(type, e.getMessage());
        }
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type);
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
