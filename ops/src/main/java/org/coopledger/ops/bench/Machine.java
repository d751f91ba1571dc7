package org.coopledger.ops.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the figures were measured, printed with them: a number without its machine cannot
 * be compared. {@code durability} shows that commits were flushed, since a baseline with fsync
 * off would flatter nothing but mislead.
 */
public record Machine(int cores, long maxHeapBytes, String javaVersion, String postgresVersion, String durability) {

    static Machine describe(DatabaseTarget db) {
        String postgres = "unknown (no database URL)";
        String durability = "unknown";
        if (db != null) {
            try (Connection connection = db.open(); Statement statement = connection.createStatement()) {
                postgres = single(statement, "SELECT version()");
                durability = "fsync=" + single(statement, "SHOW fsync")
                        + ", synchronous_commit=" + single(statement, "SHOW synchronous_commit");
            } catch (SQLException e) {
                postgres = "unknown (" + e.getMessage() + ")";
            }
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")", postgres, durability);
    }

    /** Only when both settings are known to be on. */
    public boolean durable() {
        return durability.equals("fsync=on, synchronous_commit=on");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
