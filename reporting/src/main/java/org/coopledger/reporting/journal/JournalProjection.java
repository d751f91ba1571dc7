package org.coopledger.reporting.journal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.Savepoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts the journal entry of every money event to {@code journal_line}: one handler for the
 * {@link JournalEvent} interface, so a new kind of money event is posted without a change here.
 * Lines are keyed by (event identifier, line number) and inserted at most once, which makes
 * replays and redeliveries harmless. Runs in the processor's transaction, so the lines commit
 * together with the token, inside a savepoint so that a failing event can be dead-lettered.
 */
@Component
@ProcessingGroup(ProcessorConfiguration.JOURNAL)
class JournalProjection {

    /** Explicit types, so that a null global index binds as a BIGINT. */
    private static final int[] COLUMN_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.CHAR, Types.DATE, Types.BIGINT};

    private static final String INSERT_LINE = """
            INSERT INTO journal_line (event_id, line_no, transaction_id, event_type, gl_code, side, amount,
                currency, booking_date, global_index)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id, line_no) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    JournalProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new Savepoint(transactionManager, jdbc);
    }

    /**
     * Takes the whole message rather than a {@code TrackingToken} parameter: Axon only invokes a
     * handler whose parameters all resolve, and a token parameter does not resolve for an
     * untracked message, which would skip the event silently instead of posting it without an index.
     */
    @EventHandler
    void on(JournalEvent event, EventMessage<?> message) {
        Long globalIndex = globalIndex(message);
        String eventType = event.getClass().getSimpleName();
        List<JournalLine> lines = event.journal().lines();
        // Line numbers come from the position in the entry, not from equality: two identical lines are two postings.
        List<Savepoint.Statement> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            rows.add(new Savepoint.Statement(0, INSERT_LINE, new Object[]{message.getIdentifier(), i + 1,
                    event.transactionId().value(), eventType, line.account().code(), line.side().name(),
                    line.amount().getAmount(), line.amount().getCurrencyUnit().getCode(), event.bookingDate(),
                    globalIndex}, COLUMN_TYPES));
        }
        // Sent with the other lines of the processor's batch as one JDBC batch (see Savepoint#write).
        savepoint.write(rows);
    }

    /** A replay rebuilds the journal from the first event. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE journal_line");
    }

    private static Long globalIndex(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }
}
