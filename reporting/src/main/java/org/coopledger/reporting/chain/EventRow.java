package org.coopledger.reporting.chain;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored, every column, so that any change to
 * any of them changes the row's link.
 */
public record EventRow(long globalIndex,
                       String eventIdentifier,
                       String aggregateIdentifier,
                       long sequenceNumber,
                       String type,
                       String payloadType,
                       String payloadRevision,
                       String timeStamp,
                       byte[] payload,
                       byte[] metaData) {

    /** The select list {@link #read} expects, in this order. */
    public static final String COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, type,
            payload_type, payload_revision, time_stamp, payload, meta_data""";

    /** Reads the columns of {@link #COLUMNS}, starting at {@code first}. */
    public static EventRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new EventRow(rs.getLong(i), rs.getString(i + 1), rs.getString(i + 2), rs.getLong(i + 3),
                rs.getString(i + 4), rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7),
                rs.getBytes(i + 8), rs.getBytes(i + 9));
    }
}
