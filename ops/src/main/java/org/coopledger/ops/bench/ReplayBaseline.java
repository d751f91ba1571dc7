package org.coopledger.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the same PostgreSQL does for the simplest possible projection of the same history, in
 * the same run: read every event row (payload included) in pages of {@link #PAGE} by global
 * index, as Axon's JDBC storage engine fetches them, and write one narrow row per event with a
 * JDBC batch, committing each page durably with its position, as a processor commits a batch
 * with its token. The ledger's replay does that for five projections with real work per event,
 * so the ratio says how far it is from "one trivial projection" on this machine at this moment.
 */
public final class ReplayBaseline {

    static final int PAGE = 100;
    static final String TABLE = "bench_replay_row";

    /**
     * @param rows events read and rows written
     * @param cpu  CPU of the benchmark's JVM and the database while the rows were copied
     */
    public record Figures(String description, long rows, double seconds, double rowsPerSecond, CpuFigures cpu) {
    }

    private ReplayBaseline() {
    }

    static Figures run(DatabaseTarget db) {
        try (Connection reader = db.open(); Connection writer = db.open()) {
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                ddl.execute("CREATE TABLE " + TABLE + " (global_index bigint PRIMARY KEY, event_id text NOT NULL,"
                        + " aggregate_id text NOT NULL, payload_type text NOT NULL, payload_bytes int NOT NULL)");
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_replay_position (id int PRIMARY KEY, position bigint NOT NULL)");
                ddl.execute("INSERT INTO bench_replay_position VALUES (1, -1) ON CONFLICT (id) DO UPDATE SET position = -1");
            }
            writer.setAutoCommit(false);
            CpuWatch cpuWatch = CpuWatch.start(db);
            long start = System.nanoTime();
            long rows = 0;
            long after = -1;
            try (PreparedStatement page = reader.prepareStatement("SELECT global_index, event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT " + PAGE);
                 PreparedStatement insert = writer.prepareStatement("INSERT INTO " + TABLE
                         + " (global_index, event_id, aggregate_id, payload_type, payload_bytes) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement position = writer.prepareStatement("UPDATE bench_replay_position SET position = ? WHERE id = 1")) {
                while (true) {
                    page.setLong(1, after);
                    int inPage = 0;
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            insert.setLong(1, after);
                            insert.setString(2, rs.getString(2));
                            insert.setString(3, rs.getString(3));
                            insert.setString(4, rs.getString(7));
                            insert.setInt(5, rs.getBytes(9).length + rs.getBytes(10).length);
                            insert.addBatch();
                            inPage++;
                        }
                    }
                    if (inPage == 0) {
                        break;
                    }
                    insert.executeBatch();
                    position.setLong(1, after);
                    position.executeUpdate();
                    writer.commit();
                    rows += inPage;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // Read while the two connections are open: the server process of a closed one may not be counted yet.
            CpuFigures cpu = cpuWatch.figures();
            writer.setAutoCommit(true);
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + TABLE);
                ddl.execute("DROP TABLE IF EXISTS bench_replay_position");
            }
            return new Figures("plain JDBC: read every event row in pages of " + PAGE
                    + " by global index, batch-insert one row per event, commit per page with its position",
                    rows, seconds, rows / seconds, cpu);
        } catch (SQLException e) {
            throw new IllegalStateException("replay baseline failed: " + e.getMessage(), e);
        }
    }
}
