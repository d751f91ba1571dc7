package org.coopledger.reporting.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Extends the event chain behind the writers: on its own thread, in global-index order, it links
 * every committed event after the chain's head, one transaction per batch. Postings never wait
 * for it. The head row is locked {@code FOR UPDATE SKIP LOCKED}, so with several nodes one
 * extends the chain and the others skip the round.
 *
 * <p>Gaps: a global index can be missing because its transaction rolled back (the sequence value
 * is gone for good) or because it has not committed yet. The keeper only links past a gap once
 * the event after it is older than {@link ChainSettings#gapWindow()}; an event that appears at a
 * skipped index later is what the verifier reports as inserted out of order.
 */
public final class ChainKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainKeeper.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChainSettings settings;
    private volatile ScheduledExecutorService executor;

    public ChainKeeper(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ChainSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    /** Links what can be linked now, one batch; answers how many events it linked. */
    public int extend() {
        List<String> checkpoints = new ArrayList<>();
        Integer linked = transactions.execute(status -> extendLocked(checkpoints));
        checkpoints.forEach(log::info);
        return linked == null ? 0 : linked;
    }

    /** Stores (and logs) the current head as a checkpoint; answers it. */
    public ChainHead checkpoint() {
        List<String> lines = new ArrayList<>();
        ChainHead head = transactions.execute(status -> {
            ChainHead current = jdbc.queryForObject(
                    "SELECT global_index, link, links FROM event_chain_head WHERE id = 1 FOR UPDATE",
                    (rs, i) -> new ChainHead(rs.getLong(1), ChainLink.hex(rs.getBytes(2)), rs.getLong(3)));
            if (current != null && current.link() != null) {
                jdbc.update("INSERT INTO event_chain_checkpoint (global_index, link) VALUES (?, decode(?, 'hex')) "
                        + "ON CONFLICT (global_index) DO NOTHING", current.globalIndex(), current.link());
                lines.add(line(current.globalIndex(), current.link()));
            }
            return current;
        });
        lines.forEach(log::info);
        return head;
    }

    private int extendLocked(List<String> checkpoints) {
        List<Object[]> head = jdbc.query(
                "SELECT global_index, link, links FROM event_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getBytes(2), rs.getLong(3)});
        if (head.isEmpty()) {
            return 0; // another node is extending the chain right now
        }
        long expected = (Long) head.get(0)[0] + 1;
        byte[] link = head.get(0)[1] == null ? ChainLink.GENESIS : (byte[]) head.get(0)[1];
        long links = (Long) head.get(0)[2];
        Instant now = jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class).toInstant();
        List<EventRow> rows = jdbc.query("SELECT " + EventRow.COLUMNS
                        + " FROM domain_event_entry WHERE global_index >= ? ORDER BY global_index LIMIT ?",
                (rs, i) -> EventRow.read(rs, 1), expected, settings.batchSize());

        List<Object[]> inserts = new ArrayList<>();
        for (EventRow row : rows) {
            if (row.globalIndex() != expected) {
                if (!olderThanGapWindow(row, now)) {
                    break; // the missing indexes may still commit: wait rather than skip them
                }
                log.info("chain skips global index {}{} (no event committed there within the gap window)", expected,
                        row.globalIndex() - 1 > expected ? " to " + (row.globalIndex() - 1) : "");
            }
            link = ChainLink.next(link, row);
            links++;
            inserts.add(new Object[]{row.globalIndex(), row.eventIdentifier(), link});
            if (links % settings.checkpointEvery() == 0) {
                jdbc.update("INSERT INTO event_chain_checkpoint (global_index, link) VALUES (?, ?)", row.globalIndex(), link);
                checkpoints.add(line(row.globalIndex(), ChainLink.hex(link)));
            }
            expected = row.globalIndex() + 1;
        }
        if (inserts.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO event_chain (global_index, event_identifier, link) VALUES (?, ?, ?)", inserts);
        jdbc.update("UPDATE event_chain_head SET global_index = ?, link = ?, links = ? WHERE id = 1",
                expected - 1, link, links);
        return inserts.size();
    }

    private boolean olderThanGapWindow(EventRow row, Instant now) {
        try {
            return Instant.parse(row.timeStamp()).plus(settings.gapWindow()).isBefore(now);
        } catch (DateTimeParseException e) {
            // Not Axon's format, so not written by the ledger; link it and let verification judge it.
            return true;
        }
    }

    private static String line(long globalIndex, String hex) {
        return "chain checkpoint " + globalIndex + " " + hex;
    }

    private void round() {
        try {
            while (extend() == settings.batchSize()) {
                // a full batch: more may be waiting, keep catching up
            }
        } catch (RuntimeException e) {
            // Event data is never in these messages: the statements carry only indexes.
            log.warn("event chain not extended this round: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain-keeper");
            thread.setDaemon(true);
            return thread;
        });
        long pause = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::round, pause, pause, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
