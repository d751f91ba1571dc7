package org.coopledger.ops.bench;

import org.HdrHistogram.Histogram;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the same PostgreSQL does with the simplest durable write: one single-row INSERT per
 * autocommitted transaction, from as many clients as the ledger run had. Measured in the same
 * run on the same (possibly busy) machine, it turns the ledger's postings/s into a ratio that
 * noise from neighbours affects far less than the absolute figure. Durability settings are
 * left as the server has them; the report prints them.
 */
final class JdbcBaseline {

    static final String TABLE = "bench_posting";

    private JdbcBaseline() {
    }

    static BaselineFigures run(DatabaseTarget db, int clients, Duration warmup, Duration duration) {
        execute(db, "DROP TABLE IF EXISTS " + TABLE);
        execute(db, "CREATE TABLE " + TABLE
                + " (id bigserial PRIMARY KEY, account_id text NOT NULL, amount numeric(38,4) NOT NULL, created_at timestamptz NOT NULL)");
        try {
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            ExecutorService threads = Executors.newFixedThreadPool(clients, LoadRun.named("bench-jdbc"));
            try (WindowStart<CpuWatch> cpu = new WindowStart<>(measureFrom, () -> CpuWatch.start(db))) {
                List<Future<Histogram>> running = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    running.add(threads.submit(inserter(db, measureFrom, end)));
                }
                Histogram all = LatencySummary.newMicrosHistogram();
                for (Future<Histogram> client : running) {
                    all.add(client.get());
                }
                double serverSeconds = cpu.get().figures().databaseSeconds();
                double seconds = duration.toNanos() / 1e9;
                long inserts = all.getTotalCount();
                return new BaselineFigures(clients, inserts, inserts / seconds, LatencySummary.ofMicros(all),
                        serverSeconds < 0 || inserts == 0 ? -1 : serverSeconds * 1e6 / inserts);
            } finally {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("baseline interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("baseline insert failed: " + e.getCause(), e.getCause());
        } finally {
            execute(db, "DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private static Callable<Histogram> inserter(DatabaseTarget db, long measureFrom, long end) {
        return () -> {
            Histogram micros = LatencySummary.newMicrosHistogram();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (Connection connection = db.open();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                         + " (account_id, amount, created_at) VALUES (?, ?, now())")) {
                connection.setAutoCommit(true);
                for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                    insert.setString(1, "bench-" + random.nextInt(1_000));
                    insert.setBigDecimal(2, BigDecimal.valueOf(random.nextInt(Requests.MIN_CENTS, Requests.MAX_CENTS + 1), 2));
                    insert.executeUpdate();
                    if (start >= measureFrom) {
                        micros.recordValue((System.nanoTime() - start) / 1_000);
                    }
                }
            }
            return micros;
        };
    }

    private static void execute(DatabaseTarget db, String sql) {
        try (Connection connection = db.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("baseline statement failed: " + sql, e);
        }
    }
}
