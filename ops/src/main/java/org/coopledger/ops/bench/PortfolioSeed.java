package org.coopledger.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a cooperative's read model straight into the projection tables ({@code bench/portfolio-seed.sql}):
 * the report benchmark measures the reports, which read only those tables. One transaction: a
 * failed seed leaves nothing behind. Not for a production database: it adds made-up loans.
 */
final class PortfolioSeed {

    static final int MAX_LOANS = 1_000_000;
    static final int MAX_ACCOUNTS = 1_000_000;

    /** What was written, counted in the database afterwards. */
    record Seeded(String tag, LocalDate today, Map<String, Long> rows, double seconds) {
    }

    private PortfolioSeed() {
    }

    static Seeded seed(DatabaseTarget database, int loans, int accounts, LocalDate today) {
        if (loans < 1 || loans > MAX_LOANS || accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("--loans and --accounts must be 1 to 1,000,000");
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int members = Math.max(1_000, accounts * 3 / 5);
        // Only integers, an ISO date and a hex tag are put into the text: nothing from outside.
        String sql = script().replace("${loans}", Integer.toString(loans))
                .replace("${accounts}", Integer.toString(accounts))
                .replace("${members}", Integer.toString(members))
                .replace("${today}", today.toString())
                .replace("${tag}", tag);
        long started = System.nanoTime();
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics, as autovacuum would give them some minutes later.
                statement.execute("ANALYZE member_projection, loan_projection, loan_installment, loan_allocation, "
                        + "loan_penalty_charge, loan_movement, savings_account_projection, savings_statement_line");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Seeded(tag, today, count(connection, tag), seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the read model failed: SQLSTATE " + e.getSQLState() + " "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Long> count(Connection connection, String tag) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        String prefix = "'bench-" + tag + "-%'";
        rows.put("loans", single(connection, "SELECT count(*) FROM loan_projection WHERE loan_id LIKE " + prefix));
        rows.put("active loans", single(connection,
                "SELECT count(*) FROM loan_projection WHERE status = 'ACTIVE' AND loan_id LIKE " + prefix));
        rows.put("installments", single(connection,
                "SELECT count(*) FROM loan_installment WHERE loan_id LIKE " + prefix));
        rows.put("loan payments", single(connection,
                "SELECT count(*) FROM loan_allocation WHERE loan_id LIKE " + prefix));
        rows.put("savings accounts", single(connection,
                "SELECT count(*) FROM savings_account_projection WHERE account_id LIKE " + prefix));
        rows.put("statement lines", single(connection,
                "SELECT count(*) FROM savings_statement_line WHERE account_id LIKE " + prefix));
        return rows;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String script() {
        try (InputStream in = PortfolioSeed.class.getResourceAsStream("/bench/portfolio-seed.sql")) {
            if (in == null) {
                throw new IllegalStateException("bench/portfolio-seed.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
