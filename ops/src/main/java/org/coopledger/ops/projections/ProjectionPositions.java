package org.coopledger.ops.projections;

import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.verify.ProjectionCatchUp;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each processor of a ledger database stands, read from the token store alone (no Axon,
 * no running ledger needed): its lowest segment position against the head of the event store,
 * whether a segment is still replaying after a reset, and its dead letters; and the projection
 * indexes a rebuild has dropped and not yet built again.
 */
public final class ProjectionPositions {

    /** One processor: {@code position} -1 when it has processed nothing. */
    public record Processor(String name, int segments, long position, boolean replaying, long deadLetters) {

        public long behind(long head) {
            return Math.max(0, head - Math.max(position, 0));
        }
    }

    /** {@code parkedIndexes}: names of the indexes a rebuild dropped and has not built again. */
    public record Snapshot(long head, List<Processor> processors, List<String> parkedIndexes) {
    }

    private final DataSource dataSource;

    public ProjectionPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot read() {
        try (Connection connection = dataSource.getConnection()) {
            long head = single(connection, "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry");
            Map<String, Long> deadLetters = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    deadLetters.put(rows.getString(1), rows.getLong(2));
                }
            }
            Map<String, long[]> byName = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT processorname, token, tokentype FROM tokenentry ORDER BY processorname, segment");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long position = ProjectionCatchUp.position(rows.getBytes(2));
                    String type = rows.getString(3);
                    boolean replaying = type != null && type.endsWith("ReplayToken");
                    // {segments, lowest position, replaying segments}
                    long[] p = byName.computeIfAbsent(rows.getString(1), n -> new long[]{0, Long.MAX_VALUE, 0});
                    p[0]++;
                    p[1] = Math.min(p[1], position);
                    p[2] += replaying ? 1 : 0;
                }
            }
            List<Processor> processors = new ArrayList<>();
            byName.forEach((name, p) -> processors.add(new Processor(name, (int) p[0], p[1], p[2] > 0,
                    deadLettersOf(name, deadLetters))));
            return new Snapshot(head, processors, parkedIndexes(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the token store", e);
        }
    }

    /** Dead letters are kept by processing group; the projections' processor feeds all of this module's groups. */
    private static long deadLettersOf(String processor, Map<String, Long> byGroup) {
        if (!ProcessorConfiguration.PROCESSOR.equals(processor)) {
            return byGroup.getOrDefault(processor, 0L);
        }
        return ProcessorConfiguration.PROCESSING_GROUPS.stream().mapToLong(group -> byGroup.getOrDefault(group, 0L)).sum();
    }

    /** None in a database from before the table (migration 82). */
    private static List<String> parkedIndexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        if (single(connection, "SELECT count(*) FROM pg_class WHERE oid = to_regclass('parked_index')") == 0) {
            return names;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT index_name FROM parked_index ORDER BY index_name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
