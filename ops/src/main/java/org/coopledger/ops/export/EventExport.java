package org.coopledger.ops.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.reporting.chain.ChainLink;
import org.coopledger.reporting.chain.EventRow;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Writes the event store as NDJSON, one event per line in global order, each with its chain link
 * (null while not linked yet), so that an auditor can recompute the chain with their own tools.
 * A server-side cursor keeps memory constant however many events there are. The output holds
 * members' personal data as the events do: it is for auditors and must be kept like the database.
 */
public final class EventExport {

    private static final int FETCH_SIZE = 1_000;
    private static final String SQL = "SELECT " + EventRow.COLUMNS + ", link FROM domain_event_entry"
            + " LEFT JOIN event_chain USING (global_index, event_identifier)"
            + " WHERE global_index > ? ORDER BY global_index";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public EventExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes every event after global index {@code after}; answers how many. Does not close
     * {@code out}. Non-ASCII characters are written as JSON escapes, so the lines are the same
     * whatever charset the writer (a console, say) encodes with.
     */
    public long write(long after, Writer out) {
        long count = 0;
        try (Connection connection = dataSource.getConnection();
             JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            // Lines are separated by the newline written after each event, not by Jackson's space.
            generator.setRootValueSeparator(null);
            // PostgreSQL only streams with a cursor inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, after);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        line(generator, EventRow.read(rows, 1), rows.getBytes(11));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
            generator.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
        return count;
    }

    private void line(JsonGenerator out, EventRow row, byte[] link) throws IOException {
        out.writeStartObject();
        out.writeNumberField("globalIndex", row.globalIndex());
        out.writeStringField("eventId", row.eventIdentifier());
        out.writeStringField("aggregateId", row.aggregateIdentifier());
        out.writeStringField("aggregateType", row.type());
        out.writeNumberField("sequenceNumber", row.sequenceNumber());
        out.writeStringField("type", row.payloadType());
        out.writeStringField("payloadRevision", row.payloadRevision());
        out.writeStringField("timestamp", row.timeStamp());
        stored(out, "metadata", row.metaData());
        stored(out, "payload", row.payload());
        out.writeStringField("link", ChainLink.hex(link));
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** Stored JSON as JSON; bytes that are not JSON (damaged, or another format) as base64, never dropped. */
    private void stored(JsonGenerator out, String field, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeNullField(field);
            return;
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (IOException e) {
            out.writeStringField(field + "Base64", Base64.getEncoder().encodeToString(bytes));
            return;
        }
        out.writeFieldName(field);
        out.writeTree(tree);
    }
}
