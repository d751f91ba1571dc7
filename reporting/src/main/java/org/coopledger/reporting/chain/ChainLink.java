package org.coopledger.reporting.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one definition of the event chain's hash, so that the keeper, the verifiers and any
 * auditor's own tool compute the same bytes:
 *
 * <pre>
 * link(n) = SHA-256( field(link(n-1))
 *                  ‖ long(global_index) ‖ field(event_identifier) ‖ field(aggregate_identifier)
 *                  ‖ long(sequence_number) ‖ field(type) ‖ field(payload_type)
 *                  ‖ field(payload_revision) ‖ field(time_stamp)
 *                  ‖ field(SHA-256(payload)) ‖ field(SHA-256(meta_data)) )
 * long(x)  = 8 bytes, big-endian two's complement
 * field(b) = 4-byte big-endian length of b, then b; text is UTF-8; SQL NULL is length -1 (0xFFFFFFFF)
 *            and no bytes, so that NULL, empty and absent never hash alike
 * link(0)  = GENESIS = SHA-256(UTF-8 "coopledger event chain v1")
 * </pre>
 *
 * Length prefixes make the concatenation unambiguous (no two rows encode to the same bytes);
 * hashing payload and metadata first keeps the encoded row small whatever the payload size.
 * Beyond the columns the brief listed, {@code type} and {@code payload_revision} are included:
 * every column of the row is covered.
 */
public final class ChainLink {

    public static final byte[] GENESIS = sha256("coopledger event chain v1".getBytes(StandardCharsets.UTF_8));

    private ChainLink() {
    }

    /** The link of {@code row}, following {@code previous} (GENESIS for the first event). */
    public static byte[] next(byte[] previous, EventRow row) {
        return sha256(encode(previous, row));
    }

    /** The exact bytes hashed for {@code row}; public so that tests can pin the format. */
    public static byte[] encode(byte[] previous, EventRow row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, previous);
        longValue(out, row.globalIndex());
        text(out, row.eventIdentifier());
        text(out, row.aggregateIdentifier());
        longValue(out, row.sequenceNumber());
        text(out, row.type());
        text(out, row.payloadType());
        text(out, row.payloadRevision());
        text(out, row.timeStamp());
        field(out, row.payload() == null ? null : sha256(row.payload()));
        field(out, row.metaData() == null ? null : sha256(row.metaData()));
        return out.toByteArray();
    }

    public static String hex(byte[] link) {
        return link == null ? null : HexFormat.of().formatHex(link);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static void longValue(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
