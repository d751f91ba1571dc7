package org.coopledger.reporting.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the processors' tokens (JSON in {@code tokenentry}) to tell whether every projection
 * has processed the history up to a global index, so that a verification of a live ledger
 * compares like with like — and a processor that is stuck shows up as a finding.
 */
public final class ProjectionCatchUp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    ProjectionCatchUp(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Waits while tokens are still moving towards {@code head}, giving up once none has moved for
     * {@code quiet}; returns the segments still before the head (empty when none).
     */
    Map<String, Long> await(long head, Duration quiet) throws InterruptedException {
        Map<String, Long> behind = behind(head);
        Instant lastMove = Instant.now();
        while (!behind.isEmpty() && Instant.now().isBefore(lastMove.plus(quiet))) {
            Thread.sleep(100);
            Map<String, Long> now = behind(head);
            if (!now.equals(behind)) {
                lastMove = Instant.now();
            }
            behind = now;
        }
        return behind;
    }

    private Map<String, Long> behind(long head) {
        Map<String, Long> behind = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT processorname, segment, token FROM tokenentry ORDER BY processorname, segment");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long position = position(rows.getBytes(3));
                if (position < head) {
                    behind.put(rows.getString(1) + "/" + rows.getInt(2), position);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the token store", e);
        }
        return behind;
    }

    /** The global index a serialized token has reached; -1 when it has processed nothing. */
    public static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = JSON.readTree(token);
            JsonNode current = node.get("currentToken");
            return maxIndex(current != null ? current : node);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long maxIndex(JsonNode node) {
        if (node == null || node.isNull()) {
            return -1;
        }
        long max = node.has("index") ? node.get("index").asLong() : -1;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                max = Math.max(max, maxIndex(child));
            }
        }
        return max;
    }
}
