package org.coopledger.reporting.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.core.axon.LedgerObjectMapper;
import org.coopledger.reporting.History;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Events written into {@code domain_event_entry} as Axon's JDBC store writes them (stored-format
 * JSON, class name as payload type), and kept as a {@link History} with the same global indexes,
 * so projections can be fed exactly what the verifier will replay.
 */
final class StoredHistory {

    private static final ObjectMapper MAPPER = LedgerObjectMapper.create();

    private final JdbcTemplate jdbc;
    private final History history = new History();
    private final Map<String, Long> nextSequence = new HashMap<>();

    StoredHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    StoredHistory append(String aggregateId, Object payload) {
        return append(aggregateId, payload, History.RECORDED_AT);
    }

    StoredHistory append(String aggregateId, Object payload, Instant recordedAt) {
        try {
            return appendRaw(aggregateId, payload.getClass().getName(), MAPPER.writeValueAsBytes(payload), recordedAt, payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row whose payload is exactly {@code bytes} (e.g. damaged); it is not delivered to projections. */
    StoredHistory appendRaw(String aggregateId, String payloadType, byte[] bytes, Instant recordedAt, Object delivered) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES (?, ?, 'Test', ?, ?, ?, ?)""",
                aggregateId, sequence, UUID.randomUUID().toString(), bytes, payloadType, recordedAt.toString());
        if (delivered != null) {
            history.append("Test", aggregateId, delivered);
        }
        return this;
    }

    long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    History history() {
        return history;
    }
}
