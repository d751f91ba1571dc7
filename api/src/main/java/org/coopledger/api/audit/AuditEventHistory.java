package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the event store table itself, in global order, so that auditors see the history as it
 * is stored rather than as any projection understood it.
 */
@Component
class AuditEventHistory {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AuditEventHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    AuditEventPage page(AuditEventFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT global_index, event_identifier, aggregate_identifier, type, sequence_number,
                       payload_type, time_stamp, meta_data, payload
                FROM domain_event_entry WHERE global_index > ?""");
        List<Object> args = new ArrayList<>();
        args.add(filter.after());
        if (filter.aggregateId() != null) {
            sql.append(" AND aggregate_identifier = ?");
            args.add(filter.aggregateId());
        }
        if (filter.type() != null) {
            sql.append(" AND (payload_type = ? OR payload_type LIKE ?)");
            args.add(filter.type());
            args.add("%." + filter.type());
        }
        if (filter.user() != null) {
            sql.append(" AND convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?");
            args.add(filter.user());
        }
        if (filter.from() != null) {
            sql.append(" AND time_stamp::timestamptz >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND time_stamp::timestamptz < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY global_index LIMIT ?");
        args.add(filter.limit() + 1);
        List<AuditEvent> events = jdbc.query(sql.toString(), (rs, i) -> event(rs), args.toArray());
        if (events.size() <= filter.limit()) {
            return new AuditEventPage(events, null);
        }
        List<AuditEvent> page = events.subList(0, filter.limit());
        return new AuditEventPage(List.copyOf(page), Long.toString(page.get(page.size() - 1).globalIndex()));
    }

    private AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), parse(rs.getBytes(8)), parse(rs.getBytes(9)));
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // Shown, not hidden: an auditor must see that a stored payload is not what it should be.
            return json.getNodeFactory().textNode("unreadable payload (" + bytes.length + " bytes)");
        }
    }
}
